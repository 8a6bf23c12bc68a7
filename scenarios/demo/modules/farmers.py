"""Demo module "Benaderd door criminelen": criminelen die boeren en ondernemers benaderen
(content brief, section 3)."""

from ..illustrations import per_mille

INTRODUCTION = (
    "<p>Steeds meer boeren in Brabant stoppen met hun bedrijf. Hun stallen en loodsen komen "
    "leeg te staan. Criminelen weten dat. Ze bieden veel geld om een schuur te huren, voor "
    '"caravanstalling" of "opslag". Intussen maken ze er drugs of kweken ze hennep.</p>'
    "<p>Als boa, toezichthouder of ambtenaar kom je bij boeren aan de keukentafel. Jij kunt het "
    "verschil maken. In deze module leer je hoe criminelen een boer benaderen, wat je dan zegt "
    "en waar de boer terechtkan. Je oefent met twee situaties: een boer die een contant bod "
    "heeft gekregen, en een boer die al verhuurd heeft en nu wordt bedreigd.</p>"
)

LEARNING_OBJECTIVES = (
    "<ul>"
    "<li>Je herkent de signalen van een criminele benadering van een boer of ondernemer.</li>"
    "<li>Je legt een boer zonder oordeel uit welke risico's hij loopt als hij verhuurt aan "
    "criminelen.</li>"
    "<li>Je kent de meldroutes, de ZLTO-vertrouwenspersoon en het modelhuurcontract.</li>"
    "<li>Je weet wanneer je een zaak aan de politie overdraagt en niet zelf gaat kijken.</li>"
    "</ul>"
)

REPORTING_ROUTES = (
    "<p>Hoor of zie je signalen van een criminele benadering? Ga niet zelf op onderzoek uit. "
    "Leg vast wat je weet en wijs de boer de weg:</p>"
    "<ul>"
    "<li><b>Acuut gevaar of bedreiging op dit moment</b>: bel <b>112</b>.</li>"
    "<li><b>Geen spoed</b>: bel de politie op <b>0900-8844</b>.</li>"
    "<li><b>Anoniem melden</b>: Meld Misdaad Anoniem, <b>0800-7000</b>.</li>"
    "<li><b>Voor boeren</b>: de <b>vertrouwenspersoon van ZLTO</b>. Die schrijft niets op en "
    "belt alleen de politie als de boer dat goed vindt.</li>"
    "<li><b>Registreer het signaal</b> in het systeem van je organisatie, zodat OOV en het RIEC "
    "het kunnen koppelen aan andere meldingen.</li>"
    '<li>Wijs verhuurders op het <b>modelhuurcontract "Weerbaar Buitengebied"</b>.</li>'
    "</ul>"
)

SOURCES = [
    (
        "Nieuwsbericht over drugsafval in een gierkelder",
        "Blik op Nieuws",
        "https://www.blikopnieuws.nl/nieuws/262156",
    ),
    (
        "Het geheim van Brabant: drugscriminelen azen op lege boerenstallen",
        "de Volkskrant",
        "https://www.volkskrant.nl/nieuws-achtergrond/het-geheim-van-brabant-hoe-drugscriminelen-"
        "azen-op-lege-boerenstallen~b41b3148/",
    ),
    (
        "Vrijkomende agrarische bebouwing",
        "Metropoolregio Eindhoven",
        "https://metropoolregioeindhoven.nl/actueel/blog/vab-1",
    ),
    ("Nieuwsbericht over het gevaar van drugslabs", "NOS", "https://nos.nl/artikel/2286416"),
    ("Veilig buitengebied", "ZLTO", "https://www.zlto.nl/belangenbehartiging/veilig-buitengebied"),
    (
        "Boeren, boeven en boa's",
        "Investico",
        "https://www.platform-investico.nl/onderzoeken/boeren-boeven-en-boas",
    ),
    (
        "Nieuwsbericht over het melden van verdachte zaken",
        "Omroep Brabant",
        "https://www.omroepbrabant.nl/nieuws/6001218",
    ),
    (
        "Boeren bij wie drugslab wordt gevonden krijgen meer bescherming",
        "Omroep Brabant",
        "https://www.omroepbrabant.nl/nieuws/4175984",
    ),
    (
        "Nette mensen die wapperen met flappen, en dan tuin je er toch in",
        "Omroep Brabant",
        "https://www.omroepbrabant.nl/nieuws/3411048",
    ),
    (
        "Nieuwsbericht over criminelen die boeren benaderen",
        "Omroep Brabant",
        "https://www.omroepbrabant.nl/nieuws/4176177",
    ),
    (
        "Drugscriminelen richten zich op Brabantse boeren",
        "BD",
        "https://www.bd.nl/brabant/drugscriminelen-richten-zich-op-brabantse-boeren-onderschat-"
        "die-jongens-niet~aad74ea2/",
    ),
    (
        "Mogelijk drugslab in Den Nul",
        "Politie",
        "https://www.politie.nl/nieuws/2022/augustus/29/"
        "politie-treft-mogelijk-drugslab-aan-in-den-nul.html",
    ),
    ("Criminaliteit op het boerenerf", "ZLTO", "https://www.zlto.nl/criminaliteit"),
    (
        "Boeren blij met vertrouwenspersoon om drugscriminaliteit te melden",
        "Omroep Brabant",
        "https://www.omroepbrabant.nl/nieuws/4302563",
    ),
    (
        "Vertrouwenspersoon Veilig Buitengebied",
        "ZLTO",
        "https://www.zlto.nl/vertrouwenspersoon-veilig-buitengebied",
    ),
    (
        "West-Brabantse boeren zijn weerbaar, maar niet iedereen weerstaat drugspraat",
        "BN DeStem",
        "https://www.bndestem.nl/breda/west-brabantse-boeren-zijn-weerbaar-maar-intimiderende-"
        "drugspraat-kan-niet-iedereen-weerstaan~a1f1861a/",
    ),
    (
        "ZLTO wil honderden miljoenen om boeren te beschermen tegen criminelen",
        "Omroep Brabant",
        "https://www.omroepbrabant.nl/nieuws/4720128",
    ),
    (
        "Uitspraak over sluiting van een verhuurd pand (ECLI:NL:RBLIM:2021:7407)",
        "Rechtbank Limburg",
        "https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RBLIM:2021:7407",
    ),
    ("Meld Misdaad Anoniem", "Politie", "https://www.politie.nl/themas/meld-misdaad-anoniem.html"),
    (
        "Nieuwsbericht over wachten op politiesteun",
        "NH Nieuws",
        "https://www.nhnieuws.nl/nieuws/256201",
    ),
    (
        "Campagne om drugslabs op het boerenerf te melden",
        "Boerderij",
        "https://www.boerderij.nl/Home/Nieuws/2019/10/"
        "Campagne-om-drugslabs-op-boerenerf-te-melden-489248E/",
    ),
    (
        "Kwetsbare boeren vaker doelwit van criminelen",
        "NRC",
        "https://www.nrc.nl/nieuws/2021/06/07/kwetsbareboeren-vaker-doelwit-van-criminelen-a4046295",
    ),
]

STEPS = [
    {
        "key": "waarom-boeren",
        "type": "information",
        "heading": "Waarom criminelen bij boeren aankloppen",
        "body": (
            "<p>Tot 2030 stoppen er in Brabant naar schatting zo'n <b>4.500 boerenbedrijven</b>. "
            "Daarmee komt 8,6 miljoen m² aan stallen en schuren vrij. Een lege schuur ver van "
            "de buren is precies wat criminelen zoeken voor een drugslab, een hennepkwekerij of "
            "opslag.</p>"
            "<p>Ze kiezen vooral boeren die stoppen of die geldzorgen hebben. Voor hen is een "
            "groot bedrag in contanten moeilijk te weigeren.</p>"
            "<h3>Hoe vaak gebeurt het?</h3>"
            "<ul>"
            "<li>Ongeveer <b>1 op de 5</b> Brabantse boeren is al eens benaderd. Een ander "
            "onderzoek kwam uit op 1 op de 6.</li>"
            "<li>Minder dan <b>7 procent</b> van hen heeft dat gemeld.</li>"
            "<li>70 procent van de boeren in Brabant en Zeeland kent iemand bij wie een "
            "gebouw is misbruikt door drugscriminelen.</li>"
            "</ul>"
            "<p>Boeren melden dus weinig uit zichzelf. Daarom is het belangrijk dat jij het "
            "gesprek aangaat.</p>"
        ),
        "image": "erf",
    },
    {
        "key": "signalen-benadering",
        "type": "information",
        "heading": "Zo ziet een benadering eruit",
        "body": (
            "<p>Criminelen komen zelden binnen met een verhaal over drugs. Ze zijn vriendelijk, "
            "zakelijk en gul. Let op deze signalen:</p>"
            "<ul>"
            "<li><b>Een bod dat te mooi is.</b> Iemand wil ongevraagd huren, ver boven de "
            "marktprijs, en betaalt contant vooruit. Eén boer kreeg € 150.000 geboden.</li>"
            '<li><b>Een dekmantel.</b> De ruimte is "voor caravans", of voor wijn, tenten, '
            "rozenstekjes of het stoken van wodka.</li>"
            "<li><b>Een nette man in pak</b>, of juist iemand die de boer al kent: een "
            "chauffeur, een leverancier of een oud-collega.</li>"
            "<li><b>Brieven en berichten.</b> Een briefje in de bus, een mail of een "
            "telefoontje met een bod van tienduizenden euro's. Zulke brieven heten ook wel "
            '"wietbrieven".</li>'
            "<li><b>Geen papierwerk.</b> De huurder wil geen contract, geen betaling via de bank "
            "en wil niet dat de eigenaar nog binnenkomt.</li>"
            "</ul>"
        ),
        "image": None,
    },
    {
        "key": "na-de-verhuur",
        "type": "information",
        "heading": "Als de schuur al verhuurd is",
        "body": (
            "<p>Is de schuur al verhuurd? Dan zie je andere signalen:</p>"
            "<ul>"
            "<li>vreemden met een eigen sleutel;</li>"
            "<li>verkeer in de nacht;</li>"
            "<li>de ruimte wordt anders gebruikt dan is afgesproken;</li>"
            "<li>bedreiging als de eigenaar ermee wil stoppen;</li>"
            "<li>drugsafval dat in de gierkelder verdwijnt;</li>"
            "<li>een boer die ineens veel geld uitgeeft, zonder dat duidelijk is waarvan.</li>"
            "</ul>"
            "<p>Een voorbeeld uit Zundert: een schuur werd verhuurd voor <b>€ 500 per maand</b>. "
            "Binnen vond de politie een drugslab met voor zo'n <b>€ 1,3 miljoen</b> aan "
            "drugs.</p>"
            "<p>Wie eenmaal verhuurd heeft, komt er vaak moeilijk weer vanaf. Criminelen "
            "gebruiken dreiging om de boer bij de zaak te houden.</p>"
        ),
        "image": "loods_nacht",
    },
]

STEPS += [
    {
        "key": "keukentafel",
        "type": "scene",
        "heading": "Aan de keukentafel",
        "situation": (
            "<p>Je bent bij een varkenshouder voor een gesprek over zijn lege stal. Hij stopt "
            "volgend jaar. Zijn zoon wil het bedrijf niet overnemen en de bank zit hem op de "
            "huid.</p>"
            '<p>Terwijl hij koffie inschenkt, vertelt hij: "Vorige week stond hier een keurige '
            "meneer in pak. Hij wil de stal huren voor <b>caravanstalling</b>. Hij biedt "
            "<b>tienduizenden euro's</b>, contant, een jaar vooruit. Een contract is niet nodig, "
            'zei hij. Dat scheelt gedoe."</p>'
            '<p>Hij kijkt je aan: "Ik ben toch gek als ik dat laat liggen?"</p>'
        ),
        "image": "erf",
    },
    {
        "key": "keukentafel-besluit",
        "type": "decision",
        "prompt": "Hoe reageer je op het verhaal van de boer?",
        "options": [
            {
                "text": (
                    "Zonder oordeel de risico's uitleggen, de meldroutes en de "
                    "ZLTO-vertrouwenspersoon noemen, het modelhuurcontract laten zien en daarna "
                    "het signaal registreren."
                ),
                "verdict": "right",
                "points": 2,
                "feedback": (
                    "<p>Goed. Een hoog contant bod, een dekmantel en geen contract: dit past bij "
                    "een criminele benadering. Leg rustig uit wat er op het spel staat. De boer "
                    "kan zelf strafbaar zijn. De burgemeester kan de stal tot een jaar sluiten. En "
                    "wie eenmaal verhuurt, wordt vaak met dreiging vastgehouden. Registreer het "
                    "signaal, zodat OOV en het RIEC het kunnen koppelen.</p>"
                ),
                "signals": [
                    "huur-boven-markt",
                    "dekmantelverhaal",
                    "tussenpersoon",
                    "geen-contract",
                    "kwetsbare-ondernemer",
                ],
            },
            {
                "text": (
                    "De boer afraden om op het bod in te gaan en hem het nummer van de politie "
                    "geven. Je schrijft zelf niets op: het is zijn zaak."
                ),
                "verdict": "acceptable",
                "points": 1,
                "feedback": (
                    "<p>Deels goed. Je waarschuwt de boer, en dat helpt. Maar de man in pak gaat "
                    "gewoon naar de volgende boer. Registreer het signaal, zodat OOV en het RIEC "
                    "kunnen zien of hij vaker langskomt. Noem ook de ZLTO-vertrouwenspersoon: "
                    "veel boeren vinden de stap naar de politie groot.</p>"
                ),
                "signals": ["huur-boven-markt"],
            },
            {
                "text": "Niets zeggen. Aan wie hij zijn stal verhuurt, is zijn eigen zaak.",
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Niet goed. Bijna geen enkele boer meldt een benadering uit zichzelf: "
                    "minder dan 7 procent. Als jij zwijgt, loopt de boer in de val en raakt het "
                    "signaal kwijt.</p>"
                ),
                "signals": [],
            },
            {
                "text": (
                    "Vraag het telefoonnummer van de man in pak en bel hem zelf, om te horen wat "
                    "hij echt van plan is."
                ),
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Niet doen. Je waarschuwt de criminelen en brengt de boer in gevaar: zij "
                    "weten dan dat hij erover heeft gepraat. Geef het nummer liever door aan de "
                    "politie.</p>"
                ),
                "signals": [],
            },
        ],
    },
    {
        "key": "risicos-en-modelhuurcontract",
        "type": "information",
        "heading": "De risico's en het modelhuurcontract",
        "body": (
            "<p>Veel boeren zien alleen het geld. Vertel ze, zonder te oordelen, wat de andere "
            "kant is:</p>"
            "<ul>"
            "<li>De eigenaar kan <b>medeplichtig en strafbaar</b> zijn.</li>"
            "<li>De burgemeester kan de schuur of het erf <b>tot een jaar sluiten</b> (de "
            "Damoclesregeling, artikel 13b Opiumwet).</li>"
            "<li>Criminelen gebruiken <b>bedreiging</b> om de boer erbij te houden.</li>"
            "</ul>"
            "<h3>Het modelhuurcontract</h3>"
            "<p>Bernheze, Boekel en Meierijstad maakten met het OM en ZLTO het "
            'modelhuurcontract "Weerbaar Buitengebied". Daarin staat onder meer:</p>'
            "<ul>"
            "<li>een achtergrondcheck van de huurder;</li>"
            "<li>geen contante huur;</li>"
            "<li>de eigenaar mag altijd naar binnen;</li>"
            "<li>vier controles per jaar, met foto's;</li>"
            "<li>een meldplicht.</li>"
            "</ul>"
            "<p>Controleren loont. Een rechter vond een sluiting onevenredig voor een verhuurder "
            "die elk kwartaal was gaan kijken.</p>"
        ),
        "image": None,
    },
]

STEPS += [
    {
        "key": "drempel-melden",
        "type": "information",
        "heading": "Waarom melden moeilijk is, en hoe je helpt",
        "body": (
            "<p>Twee op de drie mensen zien weleens iets verdachts. Toch meldt maar één op de "
            "tien het. Boeren zijn vaak bang dat een melding naar hen terug te leiden is. Of ze "
            "hebben weinig vertrouwen in de overheid.</p>"
            "<p>Geef daarom altijd meer dan één route:</p>"
            "<ul>"
            "<li><b>De politie</b>: 0900-8844, of 112 als er direct gevaar is.</li>"
            "<li><b>Meld Misdaad Anoniem</b>: 0800-7000. De melder blijft onbekend.</li>"
            "<li><b>De vertrouwenspersoon van ZLTO</b> (sinds 2022). Die schrijft niets op en "
            "neemt alleen contact op met de politie als de boer daar zelf mee instemt.</li>"
            "</ul>"
            "<p>En vergeet jezelf niet: <b>registreer wat je hoort</b>. Eén signaal zegt "
            "misschien weinig. Samen met andere meldingen kan het RIEC er wel een patroon in "
            "zien.</p>"
        ),
        "image": "boa",
    },
    {
        "key": "loods-nacht",
        "type": "scene",
        "heading": '"Kun jij niet even gaan kijken?"',
        "situation": (
            "<p>Het is half elf 's avonds. Een boer die je kent van eerdere controles belt je op "
            "je dienstnummer. Hij klinkt gespannen.</p>"
            '<p>Vorig jaar verhuurde hij zijn loods "voor opslag". Sinds een paar weken rijden '
            "er 's nachts busjes af en aan. Er lopen mannen rond met een eigen sleutel. Hij wil "
            'ermee stoppen. Vanavond stond de huurder bij zijn deur: "Als je gaat praten, weten '
            'we je kinderen te vinden."</p>'
            '<p>Er staat nu weer een busje bij de loods. "Jij bent toch handhaver? Kun jij niet '
            'even gaan kijken?"</p>'
        ),
        "image": "loods_nacht",
    },
    {
        "key": "loods-nacht-besluit",
        "type": "decision",
        "prompt": "Wat doe je?",
        "options": [
            {
                "text": (
                    "Je gaat niet zelf. Je belt 112, want de boer is bedreigd en de mannen zijn "
                    "er nu. De boer moet binnen blijven. Daarna leg je vast wat hij vertelt en "
                    "registreer je het signaal."
                ),
                "verdict": "right",
                "points": 2,
                "feedback": (
                    "<p>Goed. Dit is een zaak voor de politie. Er is een bedreiging en er zijn nu "
                    "mensen bij de loods, dus bel 112. Leg vast wat de boer vertelt: tijden, "
                    "busjes, kentekens als hij die veilig heeft gezien, en de precieze woorden "
                    "van de dreiging. Wijs hem later ook op de ZLTO-vertrouwenspersoon.</p>"
                ),
                "signals": ["bedreiging", "vreemden-met-sleutels"],
            },
            {
                "text": (
                    "Je zegt dat je niet gaat kijken en raadt de boer aan om zelf de politie te "
                    "bellen op 0900-8844."
                ),
                "verdict": "acceptable",
                "points": 1,
                "feedback": (
                    "<p>Deels goed. Je gaat terecht niet zelf. Maar de boer wordt bedreigd en de "
                    "mannen zijn er nu: dat is een geval voor <b>112</b>, niet voor 0900-8844. "
                    "Bel bij twijfel zelf, en laat de boer niet alleen met zijn probleem. Leg ook "
                    "vast wat hij je vertelt.</p>"
                ),
                "signals": ["bedreiging"],
            },
            {
                "text": "Je rijdt er alleen heen om bij de loods een kijkje te nemen.",
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Niet doen. Je bent alleen, het is donker en de mannen hebben al gedreigd. "
                    "Steun van de politie is er gemiddeld pas na "
                    "<b>24 minuten</b>. In een drugslab kan ook een explosie of giftig gas "
                    "vrijkomen. En je waarschuwt de criminelen.</p>"
                ),
                "signals": [],
            },
            {
                "text": (
                    "Je gaat er met een collega heen en klopt op de deur van de loods om de "
                    "huurder te spreken."
                ),
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Niet doen. Ook met z'n tweeën ga je de confrontatie aan met mensen die "
                    "al hebben gedreigd. Dat is gevaarlijk voor jullie en voor de boer. De "
                    "huurder weet dan ook dat de boer heeft gepraat.</p>"
                ),
                "signals": [],
            },
        ],
    },
]

STEPS += [
    {
        "key": "zoek-de-signalen-erf",
        "type": "hotspot",
        "image": "loods_nacht",
        "question": "Wat klopt er niet op dit erf bij nacht?",
        "mode": "all",
        "points": 4,
        "feedback": (
            "<p>De boer heeft zijn loods verhuurd voor ‘caravanstalling’. Licht achter een "
            "dichtgemaakt raam en onbekende auto's midden in de nacht passen daar niet bij. "
            "Hij doet het goed: hij gaat niet zelf kijken, maar belt vanuit zijn huis.</p>"
        ),
        "regions": [
            {
                "label": "Busje op het erf",
                "kind": "signal",
                "shape": per_mille((744, 512), (1056, 650)),
                "explanation": (
                    "<p>Een busje dat de boer niet kent, midden in de nacht op zijn erf. "
                    "Nachtelijk verkeer van onbekenden bij een verhuurde loods is een duidelijk "
                    "signaal.</p>"
                ),
                "signals": ["vreemden-met-sleutels"],
            },
            {
                "label": "Deur van de loods",
                "kind": "signal",
                "shape": per_mille((600, 366), (840, 566)),
                "explanation": (
                    "<p>Rond de dichte deur lekt fel licht naar buiten. In een loods voor "
                    "caravanstalling brandt 's nachts geen licht; sterke lampen passen bij een "
                    "kwekerij of een lab.</p>"
                ),
                "signals": ["stroomverbruik"],
            },
            {
                "label": "Raam links in de loods",
                "kind": "signal",
                "shape": per_mille((462, 352), (548, 408)),
                "explanation": (
                    "<p>Het raam is van binnen dichtgemaakt, terwijl er rond de deur wel licht "
                    "brandt. Wat binnen gebeurt, moet kennelijk uit het zicht blijven.</p>"
                ),
                "signals": ["afgeplakte-ramen"],
            },
            {
                "label": "Donkere auto op het erf",
                "kind": "signal",
                "shape": per_mille((410, 600), (710, 690)),
                "explanation": (
                    "<p>Ook deze auto, met de lichten aan, is van iemand die de boer niet kent. "
                    "Noteer kenteken, tijd en omschrijving vanaf een veilige plek.</p>"
                ),
                "signals": ["vreemden-met-sleutels"],
            },
            {
                "label": "Woonhuis met open deur",
                "kind": "ordinary",
                "shape": per_mille(
                    (0, 384), (160, 290), (320, 384), (300, 384), (300, 582), (20, 582), (20, 384)
                ),
                "explanation": (
                    "<p>Het woonhuis van de boer, met hemzelf in de deuropening. Hij belt om te "
                    "melden wat hij ziet: precies wat je hoopt.</p>"
                ),
            },
            {
                "label": "De maan",
                "kind": "ordinary",
                "shape": per_mille((140, 50), (220, 130)),
                "explanation": (
                    "<p>Gewoon de maan. Het is donker, en juist dan valt licht uit een loods "
                    "op.</p>"
                ),
            },
            {
                "label": "Bomen achter het erf",
                "kind": "ordinary",
                "shape": per_mille((1020, 380), (1200, 470)),
                "explanation": (
                    "<p>Een bomenrij achter het erf, zoals overal in het buitengebied. Niets "
                    "bijzonders.</p>"
                ),
            },
        ],
    },
    {
        "key": "vraag-aandeel-benaderd",
        "type": "single_choice",
        "question": "Hoeveel Brabantse boeren zijn ongeveer al eens door criminelen benaderd?",
        "points": 1,
        "explanation": (
            "<p>Volgens een peiling onder Brabantse boeren ongeveer <b>1 op de 5</b>. Een ander "
            "onderzoek kwam uit op 1 op de 6. Het is dus geen uitzondering: de kans is groot dat "
            "je met een boer praat die al eens een bod heeft gehad.</p>"
        ),
        "signals": ["kwetsbare-ondernemer"],
        "options": [
            {
                "text": "1 op de 50",
                "correct": False,
                "feedback": "<p>Veel te laag. Het gaat om ongeveer 1 op de 5.</p>",
            },
            {
                "text": "1 op de 5",
                "correct": True,
                "feedback": "<p>Juist.</p>",
            },
            {
                "text": "4 op de 5",
                "correct": False,
                "feedback": "<p>Te hoog. Het gaat om ongeveer 1 op de 5.</p>",
            },
        ],
    },
    {
        "key": "vraag-gemeld",
        "type": "single_choice",
        "question": "Welk deel van de benaderde boeren heeft de benadering gemeld?",
        "points": 1,
        "explanation": (
            "<p>Minder dan <b>7 procent</b>. Boeren melden bijna nooit uit zichzelf. Daarom "
            "moet jij het onderwerp aansnijden en verschillende meldroutes noemen, ook anonieme "
            "en de ZLTO-vertrouwenspersoon.</p>"
        ),
        "signals": [],
        "options": [
            {
                "text": "Minder dan 7 procent",
                "correct": True,
                "feedback": "<p>Juist. Bijna niemand meldt het.</p>",
            },
            {
                "text": "Ongeveer 40 procent",
                "correct": False,
                "feedback": "<p>Nee, veel minder: onder de 7 procent.</p>",
            },
            {
                "text": "Ongeveer 90 procent",
                "correct": False,
                "feedback": "<p>Was het maar zo. Het is minder dan 7 procent.</p>",
            },
        ],
    },
    {
        "key": "vraag-modelhuurcontract",
        "type": "multiple_choice",
        "question": (
            'Welke afspraken staan in het modelhuurcontract "Weerbaar Buitengebied"? Kies alle '
            "juiste antwoorden."
        ),
        "points": 2,
        "explanation": (
            "<p>Het modelhuurcontract regelt onder meer:</p>"
            "<ul>"
            "<li>een achtergrondcheck van de huurder;</li>"
            "<li>geen contante huur;</li>"
            "<li>toegang voor de eigenaar;</li>"
            "<li>vier controles per jaar, met foto's;</li>"
            "<li>een meldplicht.</li>"
            "</ul>"
            "<p>Een huurder die zelf de sloten vervangt, houdt de eigenaar juist buiten.</p>"
        ),
        "signals": ["geen-contract"],
        "options": [
            {
                "text": "De eigenaar controleert vier keer per jaar en maakt foto's.",
                "correct": True,
                "feedback": "<p>Juist.</p>",
            },
            {
                "text": "De huur wordt niet contant betaald.",
                "correct": True,
                "feedback": "<p>Juist. Contant geld is niet na te gaan.</p>",
            },
            {
                "text": "De huurder krijgt vooraf een achtergrondcheck.",
                "correct": True,
                "feedback": "<p>Juist.</p>",
            },
            {
                "text": "De huurder mag de sloten vervangen, zodat alleen hij erin kan.",
                "correct": False,
                "feedback": "<p>Nee. De eigenaar moet er altijd in kunnen. Dit is juist een "
                "signaal.</p>",
            },
            {
                "text": "De huurder betaalt een jaar vooruit, zodat de eigenaar zeker is van "
                "zijn geld.",
                "correct": False,
                "feedback": "<p>Nee. Veel geld vooruit is eerder een signaal dan een "
                "zekerheid.</p>",
            },
        ],
    },
]

STEPS += [
    {
        "key": "vraag-signalen-benadering",
        "type": "multiple_choice",
        "question": (
            "Een ondernemer vertelt over iemand die zijn loods wil huren. Welke dingen wijzen op "
            "een criminele benadering? Kies alle juiste antwoorden."
        ),
        "points": 2,
        "explanation": (
            "<p>Een bod ver boven de marktprijs, contant geld, een vaag verhaal en geen "
            "papierwerk passen bij criminelen. Een gewone huurder wil juist een contract en "
            "betaalt via de bank. Leg het signaal vast en noem de meldroutes.</p>"
        ),
        "signals": ["huur-boven-markt", "dekmantelverhaal", "wietbrief", "geen-contract"],
        "options": [
            {
                "text": "Hij biedt drie keer de normale huur en betaalt contant vooruit.",
                "correct": True,
                "feedback": "<p>Juist. Een bod dat te mooi is, is een klassiek signaal.</p>",
            },
            {
                "text": 'Hij wil de loods "voor rozenstekjes", maar wil niet zeggen voor wie.',
                "correct": True,
                "feedback": "<p>Juist. Dit lijkt op een dekmantelverhaal.</p>",
            },
            {
                "text": "Het bod kwam via een briefje in de brievenbus, zonder naam.",
                "correct": True,
                "feedback": '<p>Juist. Zulke "wietbrieven" komen vaak voor in het '
                "buitengebied.</p>",
            },
            {
                "text": "Hij wil geen contract en wil niet dat de eigenaar nog binnenkomt.",
                "correct": True,
                "feedback": "<p>Juist. Dat is het omgekeerde van het modelhuurcontract.</p>",
            },
            {
                "text": "Een buurman wil de loods huren voor zijn trekkers, met een contract en "
                "betaling via de bank.",
                "correct": False,
                "feedback": "<p>Nee. Dit is een gewone, controleerbare afspraak.</p>",
            },
        ],
    },
]

MODULE = {
    "slug": "benaderd-door-criminelen",
    "title": "Benaderd door criminelen",
    "theme": "benadering-ondernemers",
    "audience": "both",
    "estimated_minutes": 15,
    "pass_mark": 70,
    "image": "erf",
    "introduction": INTRODUCTION,
    "learning_objectives": LEARNING_OBJECTIVES,
    "reporting_routes": REPORTING_ROUTES,
    "sources": SOURCES,
    "steps": STEPS,
}
