"""Demo module: vacant barns used as drug labs, and dumped drug waste (brief, section 1).

Written for BOAs, inspectors and municipal officials who work in the rural area. The format is
described in ``scenarios.demo.modules``.
"""

from ..illustrations import per_mille

STEPS = [
    {
        "key": "waarom-leegstand",
        "type": "information",
        "heading": "Waarom juist lege schuren?",
        "body": (
            "<p>In Brabant houden de komende jaren duizenden agrarische bedrijven op. Volgens een "
            "schatting gaat het om zo'n 4.500 bedrijven tot 2030, samen goed voor ongeveer "
            "8,6 miljoen vierkante meter aan stallen en schuren. Veel van die gebouwen staan "
            "daarna jarenlang leeg, ver van de bebouwde kom en uit het zicht van buren.</p>"
            "<p>Voor criminelen is dat aantrekkelijk. Een synthetisch drugslab heeft weinig ruimte "
            "nodig: een verhuurde zeecontainer of een klein bijgebouw op het erf kan al genoeg "
            "zijn. Een hennepkwekerij past in een oude varkensstal.</p>"
            "<p>Jij komt in het buitengebied waar anderen zelden komen. Daardoor zie, ruik en hoor "
            "je dingen die niemand anders opvalt. In deze module leer je die signalen herkennen "
            "en er veilig mee om te gaan.</p>"
        ),
        "image": "boa",
    },
    {
        "key": "signalen-geur-en-zicht",
        "type": "information",
        "heading": "Signalen die je ruikt en ziet",
        "body": (
            "<p><b>Geur.</b> Drugsproductie stinkt, en elke soort op zijn eigen manier:</p>"
            "<ul>"
            "<li>een zoete lucht van anijs wijst op de productie van XTC (MDMA);</li>"
            "<li>een zure, prikkelende lucht past bij crystal meth;</li>"
            "<li>een scherpe lucht van oplosmiddelen of chemicaliën;</li>"
            "<li>een aardse, zoetige lucht die dag en nacht blijft hangen wijst op hennep.</li>"
            "</ul>"
            "<p>Let op: criminelen proberen die geuren te verbergen, bijvoorbeeld met mest of met "
            "grote hoeveelheden wasverzachter. Een sterke ‘boerenlucht’ bij een stal zonder dieren "
            "is dus juist reden om beter op te letten.</p>"
            "<p><b>Zicht.</b> Een lab of kwekerij moet dicht zitten. Kijk naar kieren van deuren "
            "die met PU-schuim zijn dichtgespoten, en naar ramen die zijn afgeplakt, zwart gemaakt "
            "of voortdurend beslagen zijn.</p>"
        ),
        "image": None,
    },
    {
        "key": "signalen-activiteit",
        "type": "information",
        "heading": "Signalen van activiteit en verbruik",
        "body": (
            "<p>Een stal die officieel leegstaat, hoort stil te zijn. Wees alert op:</p>"
            "<ul>"
            "<li>busjes die achteruit tegen de deur worden gezet, en laden en lossen in het "
            "donker;</li>"
            "<li>aan- en afvoer van blauwe vaten, jerrycans, kunststof vloeistofcontainers (IBC's) "
            "of gasflessen;</li>"
            "<li>een constant zoemend geluid, nieuwe of extra ventilatiepijpen op het dak en "
            "luchtroosters die andersom zijn gemonteerd;</li>"
            "<li>stroom die 12 tot 18 uur per dag aanstaat, spanningsdips in de buurt of een "
            "illegale aansluiting op het net;</li>"
            "<li>steeds dezelfde bezoekers die om de 10 tot 12 weken opduiken (de oogst van een "
            "hennepkwekerij), en zakken potgrond die naar binnen gaan.</li>"
            "</ul>"
            "<p>Eén signaal bewijst nog niets. Een combinatie van signalen is wel een reden om te "
            "melden.</p>"
        ),
        "image": None,
    },
    {
        "key": "vraag-anijsgeur",
        "type": "single_choice",
        "question": "Je ruikt bij een loods een duidelijke anijslucht. Op welke drug wijst dat?",
        "points": 1,
        "signals": ["chemische-geur"],
        "explanation": (
            "<p>Anijsgeur hoort bij de productie van <b>XTC</b>. Een zure lucht wijst eerder op "
            "meth, een aardse lucht die niet verdwijnt op hennep.</p>"
        ),
        "options": [
            {
                "text": "Hennep (cannabis)",
                "correct": False,
                "feedback": "<p>Een hennepkwekerij ruik je aan een aardse, blijvende lucht, "
                "niet aan anijs.</p>",
            },
            {
                "text": "XTC (MDMA)",
                "correct": True,
                "feedback": "<p>Inderdaad: bij het maken van XTC komt een typische anijslucht "
                "vrij.</p>",
            },
            {
                "text": "Kuilvoer voor het vee",
                "correct": False,
                "feedback": "<p>Kuilvoer ruikt zurig en hoort bij een boerderij, maar een "
                "anijslucht komt er niet van.</p>",
            },
        ],
    },
    {
        "key": "scene-avondronde",
        "type": "scene",
        "heading": "Avondronde langs de oude varkensstal",
        "situation": (
            "<p>Het is half tien 's avonds en het schemert. Je rijdt je vaste ronde over een "
            "landweg en komt langs een varkensstal die al twee jaar leegstaat: de boer is "
            "gestopt en de dieren zijn weg.</p>"
            "<p>Door je open raam ruik je een zoete anijslucht. De kieren rond de schuifdeur zijn "
            "dichtgespoten met geel schuim en een wit busje staat met de achterdeuren tegen de "
            "stal. Uit het gebouw komt een laag, aanhoudend gezoem.</p>"
        ),
        "image": "schuur",
    },
]

STEPS += [
    {
        "key": "besluit-avondronde",
        "type": "decision",
        "prompt": "Wat doe je bij de varkensstal?",
        "options": [
            {
                "text": "Je noteert vanaf de weg het kenteken, de tijd en wat je ruikt, ziet en "
                "hoort, rijdt door en belt vanaf een veilige plek de politie op "
                "0900-8844. Daarna leg je het signaal vast voor de gemeente (OOV) en het "
                "RIEC.",
                "verdict": "right",
                "points": 2,
                "feedback": (
                    "<p>Goed gedaan. Je blijft op afstand, zodat je jezelf niet in gevaar brengt "
                    "en niemand gewaarschuwd wordt. Met kenteken, tijdstip en een beschrijving "
                    "kan de politie verder, en doordat je het ook vastlegt, kan de gemeente "
                    "jouw signaal combineren met dat van anderen.</p>"
                ),
                "signals": ["chemische-geur", "pu-schuim", "busje-tegen-deur", "gezoem-ventilatie"],
            },
            {
                "text": "Je rijdt meteen door en zet het morgenochtend in je dagrapportage, "
                "zodat je leidinggevende kan beslissen wat ermee moet.",
                "verdict": "acceptable",
                "points": 1,
                "feedback": (
                    "<p>Veilig, want je gaat niet naar binnen, en het signaal wordt vastgelegd. "
                    "Maar je laat een nacht verstrijken: het busje is dan weg en het kenteken "
                    "heb je niet. Bel de politie nog dezelfde avond, dan kan die nog iets met "
                    "je waarneming.</p>"
                ),
                "signals": ["chemische-geur", "busje-tegen-deur"],
            },
            {
                "text": "Je stapt uit, klopt op de schuifdeur en vraagt wat er binnen gebeurt.",
                "verdict": "wrong",
                "points": 0,
                "leads_to": "gevaar-bij-de-deur",
                "feedback": (
                    "<p>Niet doen. In een drugslab kunnen explosieve en giftige stoffen "
                    "aanwezig zijn: een vonk of een geopende deur kan een ontploffing of "
                    "giftige dampen veroorzaken. Bovendien waarschuw je de criminelen, die "
                    "dan hun spullen weghalen of zich tegen jou keren.</p>"
                ),
                "signals": [],
            },
            {
                "text": "Je rijdt door: een stal ruikt nu eenmaal naar de boerderij.",
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>In deze stal zitten al twee jaar geen dieren meer, en een zoete "
                    "anijslucht is geen mest. Criminelen gebruiken juist mest om de geur van "
                    "een lab te verbergen. Samen met het schuim, het busje en het gezoem is "
                    "dit een duidelijk patroon dat je moet melden.</p>"
                ),
                "signals": ["geur-gemaskeerd"],
            },
        ],
    },
    {
        # A branch: only learners who chose to knock on the door see what could happen next.
        "key": "gevaar-bij-de-deur",
        "type": "scene",
        "anchor": "gevaar-bij-de-deur",
        "branch_only": True,
        "heading": "Wat er achter de schuifdeur kan gebeuren",
        "situation": (
            "<p>Stel dat je aanklopt. Binnen valt het gezoem stil. De deur gaat op een kier "
            "open en een man in een wit overall kijkt je aan. Achter hem zie je blauwe vaten, "
            "glazen kolven en slangen, en de anijslucht is nu zo sterk dat je ogen gaan "
            "prikken.</p>"
            "<p>Je staat midden in een drugslab. De dampen zijn giftig en een vonk kan een "
            "steekvlam of ontploffing geven. De man weet nu dat je iets gezien hebt: hij kan "
            "agressief worden, en morgen staat het lab ergens anders. Je kenteken en gezicht "
            "zijn bekend bij mensen die je liever niet kent.</p>"
            "<p>Daarom: nooit aankloppen of naar binnen gaan. Afstand houden, vastleggen en "
            "melden is veiliger voor jou en levert de politie meer op.</p>"
        ),
        "image": "schuur",
        "alt_text": "Een oude stal met een dichtgeschoven deur, waarvan de kieren zijn "
        "dichtgespoten.",
    },
    {
        "key": "veilig-handelen",
        "type": "information",
        "heading": "Veilig handelen bij een vermoeden",
        "body": (
            "<p>Vermoed je een lab of kwekerij, houd je dan aan deze regels:</p>"
            "<ul>"
            "<li><b>Niet naar binnen, niets aanraken, niemand aanspreken.</b> Een lab kan "
            "ontploffen of giftige gassen afgeven, en je wilt de daders niet waarschuwen.</li>"
            "<li><b>Leg vast wat je waarneemt</b> vanaf een veilige plek: kenteken, tijdstip, "
            "een beschrijving van personen, voertuigen, geur en geluid.</li>"
            "<li><b>Meld het.</b> Bij direct gevaar bel je 112, anders de politie op 0900-8844. "
            "Wie anoniem wil blijven, belt Meld Misdaad Anoniem: 0800-7000. Het netwerk Samen "
            "Sterk in Brabant (SSiB) is bereikbaar op 0900-9965432.</li>"
            "<li><b>Registreer het signaal</b> ook in het eigen systeem, zodat de gemeente (OOV) "
            "en het RIEC losse waarnemingen van verschillende collega's kunnen bundelen.</li>"
            "</ul>"
        ),
        "image": None,
    },
    {
        "key": "zoek-de-signalen-stal",
        "type": "hotspot",
        "image": "schuur",
        "question": "Welke signalen zie je bij deze leegstaande stal?",
        "mode": "count",
        "points": 5,
        "feedback": (
            "<p>Eén signaal op zich bewijst niets. Het is de optelsom die telt: dichtgemaakte "
            "ramen, nieuwe afzuiging, vaten en een busje tegen de deur bij een stal die leeg hoort "
            "te staan. Ga niet dichterbij, noteer wat je ziet vanaf een veilige plek en meld "
            "het.</p>"
        ),
        "regions": [
            {
                "label": "Ramen aan de lange kant",
                "kind": "signal",
                "shape": per_mille((150, 420), (718, 482)),
                "explanation": (
                    "<p>Alle ramen zijn zwart gemaakt en met tape afgeplakt. Een stal zonder "
                    "dieren hoeft niet zo dicht; een lab of kwekerij moet uit het zicht blijven."
                    "</p>"
                ),
                "signals": ["afgeplakte-ramen"],
            },
            {
                "label": "Pijpen op het dak",
                "kind": "signal",
                "shape": per_mille(
                    (352, 188),
                    (500, 188),
                    (500, 296),
                    (680, 296),
                    (680, 188),
                    (818, 188),
                    (818, 318),
                    (352, 318),
                ),
                "explanation": (
                    "<p>Vier nieuwe, brede ventilatiepijpen waar damp uit komt, naast de oude "
                    "smalle schoorstenen. Extra afzuiging op een lege stal wijst op een lab of "
                    "kwekerij die lucht en geur kwijt moet.</p>"
                ),
                "signals": ["gezoem-ventilatie"],
            },
            {
                "label": "Wit busje bij de schuifdeur",
                "kind": "signal",
                "shape": per_mille((752, 442), (948, 634)),
                "explanation": (
                    "<p>Het busje staat achteruit tegen de deur, zodat niemand ziet wat er in of "
                    "uit gaat. Noteer het kenteken van een afstand; loop er niet naartoe.</p>"
                ),
                "signals": ["busje-tegen-deur"],
            },
            {
                "label": "Randen van de schuifdeur",
                "kind": "signal",
                "shape": per_mille((704, 404), (996, 596)),
                "explanation": (
                    "<p>Langs de randen van de deur zit geel PU-schuim. Zo worden kieren "
                    "gedicht, zodat geur en licht binnen blijven.</p>"
                ),
                "signals": ["pu-schuim"],
            },
            {
                "label": "Spullen langs de muur",
                "kind": "signal",
                "shape": per_mille((282, 494), (722, 642)),
                "explanation": (
                    "<p>Blauwe vaten, jerrycans, een IBC-container en een gasfles: wat voor de "
                    "productie van synthetische drugs wordt aangevoerd, en wat er als afval weer "
                    "uitkomt.</p>"
                ),
                "signals": ["vaten-en-jerrycans"],
            },
            {
                "label": "Schoorsteen links op het dak",
                "kind": "ordinary",
                "shape": per_mille((226, 222), (276, 306)),
                "explanation": (
                    "<p>Een oude, smalle schoorsteen die bij de stal hoort, net als die in het "
                    "midden. Het signaal zit in de nieuwe, brede pijpen ernaast.</p>"
                ),
            },
            {
                "label": "Hekpalen op de voorgrond",
                "kind": "ordinary",
                "shape": per_mille((0, 646), (1200, 736)),
                "explanation": (
                    "<p>Een gewoon weidehek van palen en draad. Dat hoort bij het boerenland en "
                    "zegt niets over wat er in de stal gebeurt.</p>"
                ),
            },
            {
                "label": "Bomenrij achter de stal",
                "kind": "ordinary",
                "shape": per_mille((1024, 380), (1200, 472)),
                "explanation": (
                    "<p>Een bomenrij langs het erf is heel gewoon in het buitengebied. Wel goed "
                    "om te weten: zo'n rij houdt de stal uit het zicht van de weg.</p>"
                ),
            },
        ],
    },
    {
        "key": "vraag-signalen-lab",
        "type": "multiple_choice",
        "question": "Welke van deze waarnemingen zijn signalen van een drugslab of kwekerij in "
        "een leegstaande schuur? Kies alle juiste.",
        "points": 2,
        "signals": ["pu-schuim", "gezoem-ventilatie", "stroomverbruik", "afgeplakte-ramen"],
        "explanation": (
            "<p>Dichtgespoten kieren, afgeplakte ramen, gezoem met extra ventilatie en een "
            "hoog stroomverbruik zijn allemaal bekende signalen. Ze wijzen op een ruimte die "
            "luchtdicht en donker moet blijven en veel apparatuur bevat. Een boer die overdag "
            "zijn land bewerkt of een rijdende melkwagen hoort gewoon bij het buitengebied.</p>"
        ),
        "options": [
            {
                "text": "Kieren rond de deuren zijn dichtgespoten met PU-schuim",
                "correct": True,
                "feedback": "<p>Klopt: zo ontsnapt er geen geur en geen licht.</p>",
            },
            {
                "text": "Een constant zoemend geluid en nieuwe ventilatiepijpen op het dak",
                "correct": True,
                "feedback": "<p>Klopt: ventilatoren en afzuiging draaien in een lab of "
                "kwekerij dag en nacht.</p>",
            },
            {
                "text": "Een melkwagen die 's ochtends bij de buren melk ophaalt",
                "correct": False,
                "feedback": "<p>Dat is gewoon bedrijfsverkeer van een melkveehouderij en zegt "
                "niets over de lege schuur.</p>",
            },
            {
                "text": "De stroom staat 12 tot 18 uur per dag aan en in de buurt dipt de spanning",
                "correct": True,
                "feedback": "<p>Klopt: kweeklampen en apparatuur vragen veel stroom, soms via "
                "een illegale aansluiting.</p>",
            },
            {
                "text": "Een boer die overdag zijn akker naast de schuur ploegt",
                "correct": False,
                "feedback": "<p>Gewoon landwerk overdag is geen signaal.</p>",
            },
            {
                "text": "De ramen zijn afgeplakt of zwart gemaakt",
                "correct": True,
                "feedback": "<p>Klopt: niemand mag naar binnen kunnen kijken, en kweeklicht "
                "mag niet naar buiten schijnen.</p>",
            },
        ],
    },
]

STEPS += [
    {
        "key": "drugsafval",
        "type": "information",
        "heading": "Drugsafval in het buitengebied",
        "body": (
            "<p>Een XTC- of methlab levert veel chemisch afval op. Dat wordt zelden netjes "
            "afgevoerd: criminelen dumpen het in de natuur. In 2023 ging het landelijk om "
            "191 dumpingen, waarvan 42 in Noord-Brabant. Geen provincie had er meer. En dat is "
            "alleen wat gevonden wordt: naar schatting komt maar een kwart tot 30 procent van de "
            "dumpingen ooit aan het licht.</p>"
            "<p>Signalen van een dumping: een voertuig dat 's nachts een doodlopend pad op rijdt, "
            "mensen met handschoenen die zenuwachtig doen, vaten in een sloot, in het bos of in "
            "een uitgebrande auto. Soms verdwijnt het afval in de gierkelder van een boerderij; "
            "er is zelfs MDMA teruggevonden in maïs.</p>"
            "<p>De schade is groot. Het opruimen van één dumping kost al gauw zo'n € 10.000, en "
            "het dubbele als de bodem vervuild raakt. Op de Brabantse Wal moest na een dumping "
            "ongeveer 2.500 m³ grond worden gesaneerd, met kosten die kunnen oplopen tot "
            "miljoenen euro's. Vaak draait de grondeigenaar daarvoor op.</p>"
        ),
        "image": None,
    },
    {
        "key": "scene-bospad",
        "type": "scene",
        "heading": "Blauwe vaten op een bospad",
        "situation": (
            "<p>Op een zaterdagochtend surveilleer je in een bosgebied. Op een zandpad dat "
            "doodloopt bij een sloot zie je blauwe vaten en een paar jerrycans staan. Eén vat is "
            "omgevallen en ligt in een donkere, natte plek; twee andere liggen half in het "
            "water van de sloot.</p>"
            "<p>Je ruikt een scherpe, chemische lucht. Iets verderop komt een wandelaar met een "
            "hond en twee kinderen het pad op.</p>"
        ),
        "image": "vaten",
    },
    {
        "key": "besluit-bospad",
        "type": "decision",
        "prompt": "Wat doe je met de vaten?",
        "options": [
            {
                "text": "Je houdt minstens 25 meter afstand met de wind in je rug, houdt de "
                "wandelaars op afstand, rookt niet en belt de politie. De grondeigenaar "
                "laat je weten dat hij aangifte moet doen.",
                "verdict": "right",
                "points": 2,
                "feedback": (
                    "<p>Precies goed. Drugsafval kan bijtend, giftig en brandbaar zijn. Met "
                    "25 meter afstand (100 meter als het brandt) en de wind in je rug adem je "
                    "geen dampen in, en doordat je anderen wegstuurt, raakt niemand gewond. De "
                    "aangifte van de eigenaar is nodig voor het onderzoek.</p>"
                ),
                "signals": ["vaten-in-sloot", "vaten-en-jerrycans"],
            },
            {
                "text": "Je belt de politie en wacht bij de vaten, zodat je kunt aanwijzen waar "
                "ze staan.",
                "verdict": "acceptable",
                "points": 1,
                "feedback": (
                    "<p>Melden is goed, maar je staat veel te dichtbij. Dampen van drugsafval "
                    "kunnen je ziek maken zonder dat je het meteen merkt. Wacht op minstens "
                    "25 meter, met de wind in je rug, en houd ook de wandelaars weg.</p>"
                ),
                "signals": ["vaten-in-sloot"],
            },
            {
                "text": "Je trekt handschoenen aan en rolt de vaten uit de sloot, zodat het "
                "water niet verder vervuild raakt.",
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Nooit doen. Handschoenen beschermen niet tegen deze stoffen. Kinderen "
                    "liepen al eens brandwonden aan hun voeten op door gedumpt afval, en bij "
                    "een andere dumping moesten vier agenten naar het ziekenhuis. Opruimen is "
                    "werk voor gespecialiseerde bedrijven.</p>"
                ),
                "signals": [],
            },
        ],
    },
    {
        "key": "vraag-afstand",
        "type": "single_choice",
        "question": "Hoeveel afstand houd je minimaal van drugsafval dat niet brandt?",
        "points": 1,
        "signals": ["vaten-in-sloot"],
        "explanation": (
            "<p>Houd <b>25 meter</b> afstand, met de wind in de rug, en rook niet. Brandt het "
            "afval, blijf dan minstens 100 meter weg.</p>"
        ),
        "options": [
            {
                "text": "10 meter",
                "correct": False,
                "feedback": "<p>Te dichtbij: op 10 meter kun je nog schadelijke dampen "
                "inademen.</p>",
            },
            {
                "text": "25 meter",
                "correct": True,
                "feedback": "<p>Juist, 25 meter is de vuistregel zolang het afval niet brandt.</p>",
            },
            {
                "text": "50 meter",
                "correct": False,
                "feedback": "<p>Dat mag natuurlijk, maar de vuistregel is 25 meter. Meer "
                "afstand (100 meter) is nodig als het afval brandt.</p>",
            },
        ],
    },
]

STEPS += [
    {
        "key": "volgorde-drugsafval",
        "type": "ordering",
        "question": "Je vindt vaten met mogelijk drugsafval. Zet de stappen in de goede volgorde.",
        "points": 2,
        "items": [
            {
                "text": "Houd minstens 25 meter afstand, met de wind in je rug",
                "signals": ["vaten-in-sloot"],
            },
            {"text": "Raak niets aan, rook niet en houd voorbijgangers weg"},
            {"text": "Noteer wat je ziet: plaats, tijd, vaten, kentekens en personen"},
            {"text": "Bel de politie: 112 bij direct gevaar, anders 0900-8844"},
            {"text": "Leg het signaal vast in het eigen systeem voor de gemeente en het RIEC"},
        ],
        "feedback": (
            "<p>Eerst je eigen veiligheid: afstand met de wind in de rug, en niemand komt aan "
            "de vaten. Dan leg je vast wat je ziet, zodat je de politie meteen goede informatie "
            "geeft. Tot slot registreer je het signaal, zodat de gemeente en het RIEC het kunnen "
            "combineren met andere meldingen.</p>"
        ),
    },
    {
        "key": "vraag-provincie",
        "type": "single_choice",
        "question": "In welke provincie werd in 2023 het meeste drugsafval gedumpt?",
        "points": 1,
        "signals": ["vaten-in-sloot", "dumping-nacht"],
        "explanation": (
            "<p>Van de 191 dumpingen in heel Nederland vonden er 42 plaats in "
            "<b>Noord-Brabant</b>, meer dan in welke andere provincie ook.</p>"
        ),
        "options": [
            {
                "text": "Noord-Brabant",
                "correct": True,
                "feedback": "<p>Ja: met 42 van de 191 dumpingen stond Noord-Brabant in 2023 "
                "bovenaan.</p>",
            },
            {
                "text": "Limburg",
                "correct": False,
                "feedback": "<p>Ook Limburg heeft last van drugsafval, maar in 2023 werd er in "
                "Noord-Brabant meer gedumpt.</p>",
            },
            {
                "text": "Gelderland",
                "correct": False,
                "feedback": "<p>Nee, Gelderland stond in 2023 niet bovenaan; dat was "
                "Noord-Brabant.</p>",
            },
        ],
    },
    {
        "key": "vraag-anoniem-melden",
        "type": "single_choice",
        "question": "Een bewoner wil wel iets kwijt over de stal, maar durft niet met naam. "
        "Welk nummer geef je?",
        "points": 1,
        "signals": [],
        "explanation": (
            "<p>Meld Misdaad Anoniem is bereikbaar op <b>0800-7000</b>. Het is onafhankelijk "
            "van de politie: het nummer van de beller is niet zichtbaar en gesprekken worden "
            "niet opgenomen.</p>"
        ),
        "options": [
            {
                "text": "112",
                "correct": False,
                "feedback": "<p>112 is voor spoed, als er direct gevaar is. Anoniem melden kan "
                "daar niet.</p>",
            },
            {
                "text": "0900-8844",
                "correct": False,
                "feedback": "<p>Dat is het gewone nummer van de politie. Wie belt, geeft daar "
                "zijn gegevens op.</p>",
            },
            {
                "text": "0800-7000",
                "correct": True,
                "feedback": "<p>Goed: via Meld Misdaad Anoniem kan de bewoner melden zonder "
                "dat iemand weet wie hij is.</p>",
            },
        ],
    },
]

SOURCES = [
    ("Nieuwsbericht 4271310", "Omroep Brabant", "https://www.omroepbrabant.nl/nieuws/4271310"),
    ("Nieuwsbericht 2870363", "Omroep Brabant", "https://www.omroepbrabant.nl/nieuws/2870363"),
    ("Nieuwsbericht 227374", "AT5", "https://www.at5.nl/artikelen/227374"),
    (
        "Ruim 600 hennepkwekerijen opgerold in 2021, meeste in gemeente Amsterdam",
        "Het Parool",
        "https://www.parool.nl/amsterdam/ruim-600-hennepkwekerijen-opgerold-in-2021-meeste-in-"
        "gemeente-amsterdam~b461c03e/",
    ),
    (
        "Veiligheid en ondermijning",
        "Montferland.info",
        "https://www.montferland.info/veiligheid-en-ondermijning",
    ),
    (
        "Drugscriminaliteit en drugsafval",
        "Provincie Noord-Brabant",
        "https://www.brabant.nl/onderwerpen/handhaving/samen-sterk-in-brabant/"
        "drugscriminaliteit-en-drugsafval",
    ),
    (
        "Lokbus van politie in Noordhoek gespot",
        "Politie",
        "https://www.politie.nl/nieuws/2022/augustus/17/08-lokbus-van-politie-in-noordhoek-gespot.html",
    ),
    (
        "Mogelijk drugsafval ontdekt in Reuver",
        "Politie",
        "https://www.politie.nl/nieuws/2019/mei/29/mogelijk-drugsafval-ontdekt-in-reuver.html",
    ),
    (
        "Politie: drugsafval weer vaker in grotere hoeveelheid gedumpt",
        "Nieuws.nl",
        "https://nieuws.nl/algemeen/20240521/politie-drugsafval-weer-vaker-in-grotere-hoeveelheid-"
        "gedumpt/",
    ),
    ("Nieuwsbericht 2267651", "NOS", "https://nos.nl/artikel/2267651"),
    ("Nieuwsbericht 4168009", "Omroep Brabant", "https://www.omroepbrabant.nl/nieuws/4168009"),
    ("Nieuwsbericht 4114701", "Omroep Brabant", "https://www.omroepbrabant.nl/nieuws/4114701"),
    ("Nieuwsbericht 262156", "Blik op nieuws", "https://www.blikopnieuws.nl/nieuws/262156"),
    (
        "Blog over vrijkomende agrarische bebouwing (VAB)",
        "Metropoolregio Eindhoven",
        "https://metropoolregioeindhoven.nl/actueel/blog/vab-1",
    ),
    ("Nieuwsbericht 2286416", "NOS", "https://nos.nl/artikel/2286416"),
    ("Meld Misdaad Anoniem", "Politie", "https://www.politie.nl/themas/meld-misdaad-anoniem.html"),
    (
        "Samen Sterk in Brabant",
        "Omgevingsdienst Midden- en West-Brabant",
        "https://www.omwb.nl/over-ons/samenwerking/samen-sterk-in-brabant-232.html",
    ),
    (
        "Drugs geeft gedonder",
        "Alex Advocaten",
        "https://www.alexadvocaten.nl/drugs-geeft-gedonder/",
    ),
    ("Nieuwsbericht 140567", "RTV Drenthe", "https://www.rtvdrenthe.nl/nieuws/140567"),
]

MODULE = {
    "slug": "leegstaande-schuren-en-drugsafval",
    "title": "Leegstaande schuren en drugsafval",
    "theme": "leegstand-en-drugsafval",
    "audience": "professionals",
    "estimated_minutes": 20,
    "pass_mark": 70,
    "image": "schuur",
    "introduction": (
        "<p>Lege stallen en schuren in het buitengebied zijn gewild bij criminelen: voor een "
        "drugslab, een hennepkwekerij of als plek om chemisch afval kwijt te raken. Wie er "
        "beroepshalve rondrijdt, is vaak de eerste die iets vreemds opmerkt. In deze module "
        "oefen je met twee situaties uit de praktijk: een avondronde langs een leegstaande "
        "varkensstal en gedumpte vaten op een bospad.</p>"
    ),
    "learning_objectives": (
        "<ul>"
        "<li>Je herkent signalen van een drugslab of hennepkwekerij aan geur, zicht, geluid, "
        "verkeer en stroomverbruik.</li>"
        "<li>Je herkent een dumping van drugsafval en weet welke afstand je houdt.</li>"
        "<li>Je weet waarom je niet naar binnen gaat, niets aanraakt en niemand aanspreekt.</li>"
        "<li>Je kiest het juiste meldpunt en legt je waarneming zo vast dat anderen er iets "
        "mee kunnen.</li>"
        "</ul>"
    ),
    "reporting_routes": (
        "<ul>"
        "<li><b>Direct gevaar</b> (brand, lekkage, mensen in nood): bel <b>112</b>.</li>"
        "<li><b>Vermoeden van een lab, kwekerij of dumping</b>: bel de politie op "
        "<b>0900-8844</b>.</li>"
        "<li><b>Anoniem melden</b>: Meld Misdaad Anoniem, <b>0800-7000</b>.</li>"
        "<li><b>Samen Sterk in Brabant</b> (SSiB), het handhavingsnetwerk voor het "
        "buitengebied: <b>0900-9965432</b>.</li>"
        "<li><b>Leg het signaal vast</b> in jullie registratiesysteem, zodat de gemeente (OOV) "
        "en het RIEC het kunnen bundelen met andere signalen: wat, waar, wanneer, kenteken en "
        "een beschrijving.</li>"
        "<li><b>Gedumpt afval</b>: houd 25 meter afstand (100 meter als het brandt), met de "
        "wind in de rug, en rook niet. De grondeigenaar doet aangifte bij de politie.</li>"
        "</ul>"
    ),
    "sources": SOURCES,
    "steps": STEPS,
}
