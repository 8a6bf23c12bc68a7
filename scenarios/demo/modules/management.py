"""Demo module for municipal management teams: administrative resilience against undermining
crime in the rural area (after the content brief, section ‘Management team’)."""

INTRODUCTION = (
    "<p>Criminelen zoeken in het buitengebied naar lege stallen, afgelegen vakantieparken en "
    "ondernemers die het financieel zwaar hebben. Om daar ongestoord hun gang te gaan, hebben ze "
    "vaak iets van de gemeente nodig: een vergunning, een subsidie, een inschrijving of "
    "informatie. Daarmee is ondermijning een zaak van het hele managementteam, niet alleen van "
    "de adviseur Veiligheid.</p>"
    "<p>Een Brabants onderzoek naar bestuurlijke kracht tegen ondermijning in het buitengebied "
    "zag dat signalen uit dat gebied vaak niet worden herkend, dat gemeenten er weinig zichtbaar "
    "zijn en dat managementteams te weinig capaciteit en ondersteuning hebben. In deze module "
    "kijken jullie naar de eigen organisatie: waar zijn jullie kwetsbaar, welke informatie hebben "
    "jullie, met wie werken jullie samen en welke instrumenten zetten jullie in?</p>"
)

LEARNING_OBJECTIVES = (
    "<ul>"
    "<li>Je legt uit waarom ondermijning de hele gemeentelijke organisatie raakt en je noemt "
    "processen die kwetsbaar zijn.</li>"
    "<li>Je weet hoe het staat met de capaciteit en de informatiepositie in het buitengebied, "
    "en wat jullie als MT daaraan kunnen doen.</li>"
    "<li>Je kent de rol van het RIEC en weet hoe partners binnen één overheid informatie "
    "delen.</li>"
    "<li>Je zet de Wet Bibob, artikel 13b Opiumwet en de bestuurlijke rapportage op het juiste "
    "moment in.</li>"
    "<li>Je zorgt dat een signaal wordt vastgelegd en via de juiste route verder gaat.</li>"
    "</ul>"
)

REPORTING_ROUTES = (
    "<p>Als MT onderzoeken jullie een signaal niet zelf. Jullie zorgen dat het op de juiste "
    "plek terechtkomt, wordt vastgelegd en niet blijft liggen.</p>"
    "<ul>"
    "<li><b>Vastleggen:</b> elk signaal komt in de gezamenlijke signalenregistratie, ook als het "
    "klein of onzeker lijkt. Spreek af wie de melder laat weten wat ermee is gebeurd.</li>"
    "<li><b>Intern doorzetten:</b> breng het signaal bij de adviseur openbare orde en veiligheid "
    "(OOV/Veiligheid). Die weegt het en brengt het zo nodig in bij het RIEC.</li>"
    "<li><b>RIEC:</b> via het RIEC-convenant delen de gemeente, de politie, het OM en andere "
    "partners informatie en kiezen ze samen een aanpak.</li>"
    "<li><b>Vergunning, subsidie, aanbesteding of vastgoed:</b> twijfel je aan de integriteit "
    "van de aanvrager, start dan de Bibob-procedure: eerst eigen onderzoek, daarna zo nodig "
    "advies van het Landelijk Bureau Bibob (LBB).</li>"
    "<li><b>Acuut gevaar:</b> bel 112. Geen spoed: bel de politie op 0900-8844.</li>"
    "<li><b>Anoniem:</b> Meld Misdaad Anoniem, 0800-7000. Wijs ook medewerkers, ondernemers en "
    "inwoners op dit nummer.</li>"
    "</ul>"
)

SOURCES = [
    (
        "Meld Misdaad Anoniem",
        "Politie",
        "https://www.politie.nl/themas/meld-misdaad-anoniem.html",
    ),
    (
        "Park in beeld: risico-indicatie voor vakantieparken",
        "CCV",
        "https://hetccv.nl/themas/georganiseerde-criminaliteit-en-ondermijning/"
        "veilige-vakantieparken/park-in-beeld/",
    ),
    (
        "Over het RIEC en LIEC",
        "RIEC-LIEC",
        "https://www.riec.nl/over-het-riec-liec",
    ),
    (
        "Partners: LIEC en de RIEC's",
        "Weerbaar Bestuur",
        "https://weerbaarbestuur.nl/partners/"
        "landelijk-informatie-en-expertise-centrum-liec-regionaal-informatie-en-expertise-centra",
    ),
    (
        "De weerbaarheidsscan van de RIEC's",
        "RIEC-LIEC, magazine Code Geel",
        "https://magazines.riec.nl/codegeel/2021/13/weerbaarheidscan-riecs",
    ),
    (
        "Lessen over kwetsbare processen",
        "Verwey-Jonker Instituut",
        "https://www.verwey-jonker.nl/publicatie/lessen-over-kwetsbare-processen/",
    ),
    (
        "Lokale weerbaarheid: concrete handreikingen vanuit gemeenten (2020)",
        "Verwey-Jonker Instituut",
        "",
    ),
    (
        "Te weinig groene boa's in Brabant",
        "Omroep Brabant",
        "https://www.omroepbrabant.nl/nieuws/4741954",
    ),
    (
        "Boa's in het buitengebied: veel gezien, weinig vastgelegd",
        "Veiligheidscoalitie",
        "https://veiligheidscoalitie.nl/nieuws/?id=1881",
    ),
    (
        "Stappenplan artikel 13b Opiumwet: bestuurlijke rapportage ontvangen",
        "CCV",
        "https://hetccv.nl/onderwerpen/drugscriminaliteit/stappenplan-artikel-13b-opiumwet/"
        "stap-1-bestuurlijke-rapportage-ontvangen/",
    ),
    (
        "Bestuurlijke rapportage bij sluitingen van drugspanden onderzocht",
        "CCV",
        "https://hetccv.nl/nieuws/bestuurlijke-rapportage-bij-sluitingen-van-drugspanden-onderzocht/",
    ),
    (
        "Verruiming sluitingsbevoegdheid artikel 13b Opiumwet",
        "Wieringa Advocaten",
        "https://www.wieringa-advocaten.nl/nl/weblog/2019/01/03/"
        "verruiming-sluitingsbevoegdheid-artikel-13b-opiumwet-in-werking-getreden/",
    ),
    (
        "Wet Bibob",
        "Vijverberg Advocaten",
        "https://www.vijverbergadvocaten.nl/bestuursrecht/openbare-orde-en-veiligheid/wet-bibob",
    ),
    (
        "Samen de handen uit de mouwen tegen ondermijning",
        "Regio Noordoost-Brabant",
        "https://www.rnob.nl/nieuws/samen-de-handen-uit-de-mouwen-tegen-ondermijning",
    ),
    (
        "Kamerstuk 28844, nr. 236",
        "Officiële Bekendmakingen",
        "https://zoek.officielebekendmakingen.nl/kst-28844-236.html",
    ),
    (
        "Zicht op ondermijning op vakantieparken",
        "CBS",
        "https://www.cbs.nl/nl-nl/maatwerk/2022/30/zicht-op-ondermijning-op-vakantieparken",
    ),
    (
        "Gemeente Oost Gelre sluit aan bij Meld Misdaad Anoniem",
        "Streekgids",
        "https://www.streekgids.nl/oost-gelre/gemeente-oost-gelre-sluit-aan-bij-meld-misdaad-anoniem/",
    ),
    (
        "Damoclesbeleid district De Markiezaten",
        "Gemeente Steenbergen",
        "https://organisatie.gemeente-steenbergen.nl/overzicht_organisatie/"
        "gemeentelijke_regelgeving/damoclesbeleid_district_de_markiezaten_gemeente_steenbergen_2020/",
    ),
]

STEPS = [
    {
        "key": "integrale-aanpak",
        "type": "information",
        "heading": "Ondermijning raakt de hele organisatie",
        "image": "vergaderzaal",
        "body": (
            "<p>Ondermijnende criminaliteit belandt vaak op het bureau van de adviseur Veiligheid. "
            "Dat is te smal. Criminelen hebben de gemeente nodig: ze willen vergunningen, "
            "subsidies en gemeentelijke informatie om hun activiteiten af te schermen of hun geld "
            "wit te wassen. Elke afdeling die iets verstrekt, toetst of registreert, kan dus een "
            "ingang zijn.</p>"
            "<p>Een integrale aanpak betekent dat jullie ondermijning behandelen als een onderwerp "
            "van de hele organisatie: van Publiekszaken tot Ruimte en van Inkoop tot HR. Elk "
            "afdelingshoofd weet welke risico's er in het eigen domein spelen en bij wie een "
            "medewerker met een vermoeden terechtkan.</p>"
            "<p>Voor het buitengebied is dat extra belangrijk. Het Brabantse onderzoek liet zien "
            "dat signalen daar vaak niet worden herkend en dat gemeenten er dun aanwezig zijn. "
            "Juist daar liggen lege stallen, afgelegen parken en ondernemers die kwetsbaar zijn "
            "voor een crimineel aanbod.</p>"
        ),
    },
    {
        "key": "kwetsbare-processen",
        "type": "information",
        "heading": "Waar is jullie organisatie kwetsbaar?",
        "image": None,
        "body": (
            "<p>Onderzoek van het Verwey-Jonker Instituut wijst acht gemeentelijke processen aan "
            "die kwetsbaar zijn voor ondermijning. Daar horen onder meer bij:</p>"
            "<ul>"
            "<li><b>Vergunningverlening</b>: met een vergunning krijgt een crimineel een legaal "
            "uithangbord, bijvoorbeeld voor opslag in een omgebouwde stal.</li>"
            "<li><b>Toezicht en handhaving</b>: wat een toezichthouder ziet, of juist niet ziet, "
            "bepaalt of een misstand boven water komt.</li>"
            "<li><b>De Basisregistratie Personen (BRP)</b>: adressen en inschrijvingen zijn "
            "waardevol voor wie uit beeld wil blijven of iemand anders wil vinden.</li>"
            "<li><b>Inkoop en aanbesteding</b>: gemeentelijke opdrachten en geld kunnen "
            "terechtkomen bij bedrijven met een criminele achtergrond.</li>"
            "</ul>"
            "<p>Ook jullie eigen mensen verdienen aandacht. In een onderzoek onder 84 gemeenten "
            "bleken Veiligheid en HR slecht met elkaar verbonden en werden medewerkers meestal "
            "maar één keer gescreend, bij hun indiensttreding. Wie later een gevoelige functie "
            "krijgt of onder druk komt te staan, blijft zo buiten beeld.</p>"
        ),
    },
    {
        "key": "vraag-kwetsbare-processen",
        "type": "multiple_choice",
        "question": "Welke gemeentelijke processen zijn kwetsbaar voor ondermijning? Kies alle "
        "juiste antwoorden.",
        "points": 4,
        "signals": ["kwetsbaar-proces", "eenmalige-screening"],
        "explanation": (
            "<p>Onderzoek noemt acht kwetsbare processen, waaronder vergunningverlening, toezicht "
            "en handhaving, de BRP en inkoop. Criminelen zoeken de gemeente op omdat ze "
            "vergunningen, subsidies en informatie willen. Daarom hoort ondermijning op de agenda "
            "van het hele MT.</p>"
        ),
        "options": [
            {
                "text": "Vergunningverlening",
                "correct": True,
                "feedback": "<p>Juist. Een vergunning geeft criminele activiteiten een legale "
                "dekmantel.</p>",
            },
            {
                "text": "Toezicht en handhaving",
                "correct": True,
                "feedback": "<p>Juist. Toezichthouders zien veel; of dat wordt opgepakt, hangt "
                "van de organisatie af.</p>",
            },
            {
                "text": "De Basisregistratie Personen (BRP)",
                "correct": True,
                "feedback": "<p>Juist. Adresgegevens en inschrijvingen zijn waardevol voor "
                "criminelen.</p>",
            },
            {
                "text": "Inkoop en aanbesteding",
                "correct": True,
                "feedback": "<p>Juist. Via opdrachten kan gemeentegeld bij criminele bedrijven "
                "terechtkomen.</p>",
            },
            {
                "text": "Geen enkel gemeentelijk proces: ondermijning is een zaak van politie "
                "en OM",
                "correct": False,
                "feedback": "<p>Onjuist. Criminelen hebben juist de gemeente nodig, en de "
                "gemeente heeft eigen bestuurlijke instrumenten.</p>",
            },
            {
                "text": "Alleen de processen van het team Veiligheid",
                "correct": False,
                "feedback": "<p>Onjuist. Ondermijning raakt de hele organisatie, niet één "
                "team.</p>",
            },
        ],
    },
    {
        "key": "capaciteit-en-informatie",
        "type": "information",
        "heading": "Capaciteit en informatiepositie in het buitengebied",
        "image": "boa",
        "body": (
            "<p>Groene boa's zijn vaak de enige gemeentelijke ogen en oren in het buitengebied. "
            "Brabant heeft er ongeveer 35, terwijl een berekening uitkomt op een behoefte van 98 "
            "fte. Met zo weinig mensen voor zo'n groot gebied kun je niet verwachten dat alles "
            "wordt opgemerkt. Zorg dat de capaciteit past bij de omvang van het probleem.</p>"
            "<p>Daar komt bij dat veel van wat boa's wél zien, nergens blijft hangen: ze "
            "signaleren veel, maar leggen weinig vast. Een geur bij een stal, een busje dat "
            "'s nachts af en aan rijdt, een boer die vertelt over een opvallend huuraanbod: "
            "zonder registratie verdwijnt zo'n waarneming en kan niemand verbanden leggen.</p>"
            "<p>Het Brabantse onderzoek raadt daarom aan dat boa's hun signalen bundelen in een "
            "gezamenlijk registratiesysteem, en dat de gemeente ook signalen van ondernemers en "
            "inwoners verzamelt. Een gemeente kan daarnaast geanonimiseerde meldingen van Meld "
            "Misdaad Anoniem ontvangen.</p>"
        ),
    },
    {
        "key": "scene-boa-signalen",
        "type": "scene",
        "heading": "Signalen die nergens landen",
        "image": "boa",
        "situation": (
            "<p>In het MT-overleg vertelt de teamleider Handhaving dat de boa's het afgelopen "
            "halfjaar regelmatig iets opviel in het buitengebied. In een leegstaande varkensstal "
            "brandt 's avonds licht, bij een loods staan steeds andere vaten en een boer vertelde "
            "dat hem contant geld was geboden voor zijn schuur.</p>"
            "<p>Op de vraag wat er met die signalen is gebeurd, blijft het even stil. Een paar "
            "staan in een notitieboekje, andere zijn mondeling doorgegeven. In het "
            "registratiesysteem is niets te vinden, de adviseur OOV wist er niet van en de boa's "
            "hebben nooit gehoord wat er met hun meldingen is gedaan. ‘Er gebeurt toch niks mee’, "
            "zeggen ze nu.</p>"
            "<p>Het team heeft twee boa's voor het hele buitengebied van de gemeente.</p>"
        ),
    },
    {
        "key": "besluit-boa-signalen",
        "type": "decision",
        "prompt": "Wat besluiten jullie als MT?",
        "options": [
            {
                "text": "We richten één gezamenlijke signalenregistratie in, laten de adviseur "
                "OOV de signalen wegen en zo nodig bij het RIEC inbrengen, zorgen voor "
                "terugkoppeling aan de boa's en kijken of hun capaciteit past bij de "
                "opgave.",
                "verdict": "right",
                "points": 2,
                "feedback": (
                    "<p>Goed. Zo pakken jullie het hele probleem aan: signalen worden "
                    "vastgelegd, iemand weegt ze, ze komen via OOV bij het RIEC en de boa's "
                    "horen wat er met hun melding is gebeurd. Die terugkoppeling houdt hen "
                    "gemotiveerd om te blijven melden. En met twee boa's voor het hele "
                    "buitengebied is capaciteit terecht een MT-onderwerp.</p>"
                ),
                "signals": [
                    "signalen-niet-geregistreerd",
                    "vaten-en-jerrycans",
                    "huur-boven-markt",
                ],
            },
            {
                "text": "We vragen de teamleider Handhaving en de adviseur OOV om eerst een "
                "overzicht van de signalen en een voorstel, en besluiten daarna.",
                "verdict": "acceptable",
                "points": 1,
                "feedback": (
                    "<p>Een redelijke eerste stap: met een overzicht besluiten jullie op basis "
                    "van feiten. Maar geef er een korte termijn aan en spreek meteen af dat "
                    "nieuwe signalen vanaf nu worden vastgelegd. Anders gaan er ondertussen "
                    "nog meer waarnemingen verloren.</p>"
                ),
                "signals": ["signalen-niet-geregistreerd"],
            },
            {
                "text": "Dit is een zaak voor Veiligheid. De adviseur OOV moet het maar "
                "oppakken met de boa's.",
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Zo blijft het probleem liggen. De signalen komen uit Handhaving, raken "
                    "aan vergunningen en aan de capaciteit, en vragen om keuzes die alleen het "
                    "MT kan maken. Ondermijning is een zaak van de hele organisatie.</p>"
                ),
                "signals": ["signalen-niet-geregistreerd"],
            },
            {
                "text": "De boa's moeten voortaan eerst zelf uitzoeken of een signaal klopt, "
                "voordat ze het melden.",
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Dat is gevaarlijk en werkt averechts. Een boa die bij een mogelijk "
                    "drugslab gaat kijken, loopt risico en kan criminelen waarschuwen. "
                    "Bovendien melden boa's dan nog minder. Een signaal hoeft niet zeker te "
                    "zijn om het vast te leggen: juist losse signalen samen geven een "
                    "beeld.</p>"
                ),
                "signals": ["signalen-niet-geregistreerd"],
            },
        ],
    },
    {
        "key": "een-overheid-en-beleid",
        "type": "information",
        "heading": "Eén overheid en beleid op basis van feiten",
        "image": "vergaderzaal",
        "body": (
            "<p>Geen enkele organisatie heeft het volledige beeld. De gemeente ziet vergunningen, "
            "inschrijvingen en wat de boa's tegenkomen; de politie, het OM en andere partners "
            "zien andere stukjes. In de Regionale Informatie- en Expertisecentra (RIEC's) komt "
            "dat samen. Er zijn tien RIEC's, waaronder RIEC Zeeland-West-Brabant en RIEC "
            "Oost-Brabant, en daarnaast het landelijke LIEC. Het RIEC-convenant regelt dat de "
            "partners onder voorwaarden informatie met elkaar mogen delen.</p>"
            "<p>Eén overheid betekent ook dat gemeenten onderling afstemmen, zodat criminelen "
            "niet simpelweg uitwijken naar de buurgemeente. De gemeenten in district De "
            "Markiezaten stemden daarom hun Damoclesbeleid op elkaar af.</p>"
            "<h3>Beleid op basis van feiten</h3>"
            "<p>Kies jullie aanpak op basis van een onderbouwd beeld, en het liefst samen met de "
            "buurgemeenten. Hulpmiddelen daarbij zijn:</p>"
            "<ul>"
            "<li>een <b>ondermijningsbeeld</b> van de gemeente en het buitengebied;</li>"
            "<li>het <b>dashboard van het CBS</b> over ondermijning op vakantieparken;</li>"
            "<li>een <b>risico-indicatie van het RIEC</b> voor de vakantieparken in jullie "
            "gemeente;</li>"
            "<li>ervaringen uit de regio, zoals de pilot in Meierijstad en Sint-Anthonis binnen "
            "de Noordoost-Brabantse aanpak ‘Samen de handen uit de mouwen’.</li>"
            "</ul>"
        ),
    },
    {
        "key": "vraag-aantal-riecs",
        "type": "single_choice",
        "question": "Hoeveel Regionale Informatie- en Expertisecentra (RIEC's) zijn er in "
        "Nederland?",
        "points": 1,
        "signals": ["signalen-niet-geregistreerd"],
        "explanation": (
            "<p>Er zijn tien RIEC's. Noord-Brabant valt onder RIEC Zeeland-West-Brabant en RIEC "
            "Oost-Brabant. Het landelijke LIEC ondersteunt ze. Via het RIEC-convenant delen "
            "gemeente, politie, OM en andere partners informatie over ondermijning.</p>"
        ),
        "options": [
            {
                "text": "3",
                "correct": False,
                "feedback": "<p>Te weinig. Noord-Brabant alleen valt al onder twee RIEC's.</p>",
            },
            {
                "text": "10",
                "correct": True,
                "feedback": "<p>Juist, er zijn tien RIEC's.</p>",
            },
            {
                "text": "25",
                "correct": False,
                "feedback": "<p>Te veel. Er zijn tien RIEC's.</p>",
            },
            {
                "text": "Eén per gemeente",
                "correct": False,
                "feedback": "<p>Nee. Een RIEC werkt voor een hele regio met veel gemeenten "
                "en partners.</p>",
            },
        ],
    },
    {
        "key": "instrumenten",
        "type": "information",
        "heading": "De bestuurlijke instrumenten",
        "image": None,
        "body": (
            "<h3>Wet Bibob</h3>"
            "<p>Met de Wet Bibob kan de gemeente een vergunning, subsidie, aanbesteding of "
            "vastgoedtransactie weigeren als er ernstig gevaar is dat die wordt misbruikt voor "
            "criminele doeleinden. De wet geldt inmiddels ook voor omgevingsvergunningen en "
            "vastgoedtransacties. De volgorde ligt vast: eerst doet de gemeente zelf onderzoek "
            "naar de aanvrager en zijn zakelijke relaties. Blijft er twijfel, dan vraagt de "
            "gemeente advies aan het Landelijk Bureau Bibob (LBB).</p>"
            "<h3>Artikel 13b Opiumwet (Damocles)</h3>"
            "<p>De burgemeester kan een pand of erf sluiten als daar drugs worden aangetroffen "
            "of verhandeld. Sinds 2019 kan dat ook bij voorbereidingshandelingen, bijvoorbeeld "
            "als er spullen liggen om drugs te maken, ook als er nog geen drugs zijn gevonden. "
            "Voor het buitengebied, met zijn lege stallen en loodsen, is dat een belangrijke "
            "uitbreiding.</p>"
            "<h3>Bestuurlijke rapportage</h3>"
            "<p>De bestuurlijke rapportage is een rapport van de politie aan de burgemeester "
            "over wat er is aangetroffen. Bij een sluiting op grond van artikel 13b is die "
            "rapportage meestal het vertrekpunt. Onderzoek laat zien dat de kwaliteit en de "
            "snelheid van deze rapportages beter kunnen. Maak daar als gemeente afspraken over "
            "met de politie.</p>"
        ),
    },
    {
        "key": "vraag-artikel-13b",
        "type": "single_choice",
        "question": "Wat valt sinds 2019 ook onder de sluitingsbevoegdheid van artikel 13b "
        "Opiumwet?",
        "points": 1,
        "signals": ["vaten-en-jerrycans", "container-verhuurd"],
        "explanation": (
            "<p>Sinds 2019 kan de burgemeester een pand of erf ook sluiten bij "
            "voorbereidingshandelingen, zoals de aanwezigheid van grondstoffen of apparatuur om "
            "drugs te maken. Dat helpt in het buitengebied, waar een lab in een stal, loods of "
            "container vaak wordt ontdekt voordat er drugs liggen.</p>"
        ),
        "options": [
            {
                "text": "Voorbereidingshandelingen, zoals spullen om drugs te maken, ook als "
                "er nog geen drugs zijn gevonden",
                "correct": True,
                "feedback": "<p>Juist. Sinds 2019 hoeft er niet eerst drugs te liggen om te "
                "kunnen sluiten.</p>",
            },
            {
                "text": "Niets nieuws: sluiten kan alleen als er drugs worden verkocht aan "
                "bezoekers",
                "correct": False,
                "feedback": "<p>Onjuist. De bevoegdheid is in 2019 juist verruimd.</p>",
            },
            {
                "text": "Het weigeren van vergunningen aan aanvragers met een strafblad",
                "correct": False,
                "feedback": "<p>Onjuist. Dat hoort bij de Wet Bibob, en ook daar is een "
                "zorgvuldig onderzoek nodig.</p>",
            },
            {
                "text": "Het sluiten van een pand op verzoek van een bezorgde buurman, zonder "
                "verdere feiten",
                "correct": False,
                "feedback": "<p>Onjuist. Een sluiting vraagt om feiten, meestal vastgelegd in "
                "een bestuurlijke rapportage van de politie.</p>",
            },
        ],
    },
    {
        "key": "vraag-bestuurlijke-rapportage",
        "type": "single_choice",
        "question": "Wie stelt de bestuurlijke rapportage op die de burgemeester gebruikt, "
        "bijvoorbeeld bij een sluiting op grond van artikel 13b?",
        "points": 1,
        "signals": ["signalen-niet-geregistreerd"],
        "explanation": (
            "<p>De bestuurlijke rapportage komt van de politie en is gericht aan de "
            "burgemeester. Omdat de kwaliteit en snelheid beter kunnen, loont het om met de "
            "politie afspraken te maken over wat erin staat en hoe snel die er ligt.</p>"
        ),
        "options": [
            {
                "text": "De politie",
                "correct": True,
                "feedback": "<p>Juist. De politie rapporteert aan de burgemeester.</p>",
            },
            {
                "text": "Het RIEC",
                "correct": False,
                "feedback": "<p>Onjuist. Het RIEC brengt informatie van partners samen, maar "
                "schrijft deze rapportage niet.</p>",
            },
            {
                "text": "De adviseur OOV van de gemeente",
                "correct": False,
                "feedback": "<p>Onjuist. De adviseur OOV gebruikt de rapportage bij het "
                "voorbereiden van het besluit, maar de politie stelt hem op.</p>",
            },
            {
                "text": "Het Landelijk Bureau Bibob",
                "correct": False,
                "feedback": "<p>Onjuist. Het LBB geeft adviezen in het kader van de Wet Bibob.</p>",
            },
        ],
    },
    {
        "key": "scene-vergunning-stallen",
        "type": "scene",
        "heading": "Een aanvraag voor opslag in oude stallen",
        "image": "vergaderzaal",
        "situation": (
            "<p>Op de MT-agenda staat een aanvraag voor een omgevingsvergunning. Een bv wil de "
            "leegstaande varkensstallen van een gestopte boer ombouwen tot opslagruimte. De "
            "aanvraag is compleet en lijkt binnen de regels te passen. De ondernemer wil snel "
            "beginnen en heeft al twee keer gebeld.</p>"
            "<p>Een medewerker van Vergunningen heeft de namen in de aanvraag opgezocht. Een van "
            "de bestuurders van de bv blijkt zakelijke banden te hebben met iemand die eerder is "
            "veroordeeld. Wat die banden precies inhouden, is nog onduidelijk.</p>"
            "<p>De wethouder vraagt of het niet gewoon vlot kan: ‘Leegstand in het buitengebied "
            "is ook een probleem, en op papier klopt alles.’</p>"
        ),
    },
    {
        "key": "besluit-vergunning-stallen",
        "type": "decision",
        "prompt": "Hoe gaan jullie met deze aanvraag om?",
        "options": [
            {
                "text": "We starten een eigen Bibob-onderzoek naar de aanvrager en zijn "
                "zakelijke relaties, en vragen bij blijvende twijfel advies aan het "
                "Landelijk Bureau Bibob.",
                "verdict": "right",
                "points": 2,
                "feedback": (
                    "<p>Goed. De Wet Bibob geldt ook voor omgevingsvergunningen. Met een eigen "
                    "onderzoek brengen jullie de banden met de veroordeelde in kaart. Blijft er "
                    "twijfel, dan volgt het advies van het LBB. Zo kunnen jullie de vergunning "
                    "weigeren als er ernstig gevaar van misbruik is, met een besluit dat "
                    "standhoudt. Leg het signaal ook vast en informeer de adviseur OOV.</p>"
                ),
                "signals": ["aanvrager-met-antecedenten", "kwetsbaar-proces"],
            },
            {
                "text": "We melden de informatie bij de adviseur OOV en het RIEC, maar "
                "behandelen de aanvraag verder zoals altijd.",
                "verdict": "acceptable",
                "points": 1,
                "feedback": (
                    "<p>Het signaal delen is goed: het RIEC kan informatie van partners "
                    "toevoegen. Maar zonder Bibob-onderzoek hebben jullie geen grond om de "
                    "vergunning te weigeren, en dan krijgt de aanvrager hem straks toch. Zet "
                    "het Bibob-instrument er daarom naast in.</p>"
                ),
                "signals": ["aanvrager-met-antecedenten"],
            },
            {
                "text": "We verlenen de vergunning snel: de aanvraag is compleet en leegstand "
                "moet worden aangepakt.",
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Zo geven jullie mogelijk een crimineel netwerk een legaal adres in het "
                    "buitengebied. Vergunningverlening is een van de kwetsbare processen, en "
                    "een lege stal die als opslag wordt gebruikt, is precies wat criminelen "
                    "zoeken. Druk van de aanvrager of de wethouder is geen reden om een "
                    "signaal te negeren.</p>"
                ),
                "signals": ["aanvrager-met-antecedenten", "kwetsbaar-proces"],
            },
            {
                "text": "We weigeren de vergunning meteen, omdat de bestuurder banden heeft met "
                "een veroordeelde.",
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Te snel. Een weigering vraagt om een zorgvuldige onderbouwing: er moet "
                    "ernstig gevaar van misbruik zijn. Dat stellen jullie vast met een eigen "
                    "Bibob-onderzoek en zo nodig advies van het LBB. Zonder die stappen houdt "
                    "een weigering bij bezwaar of beroep waarschijnlijk geen stand.</p>"
                ),
                "signals": ["aanvrager-met-antecedenten"],
            },
        ],
    },
    {
        "key": "aan-de-slag",
        "type": "information",
        "heading": "Aan de slag als managementteam",
        "image": None,
        "body": (
            "<p>Weerbaarheid begint bij weten waar je staat. Met de weerbaarheidsscan van het "
            "RIEC brengen jullie in kaart hoe weerbaar de organisatie is, en waar de zwakke "
            "plekken zitten. Gebruik de uitkomst om samen prioriteiten te stellen.</p>"
            "<p>Vragen om in het MT te bespreken:</p>"
            "<ul>"
            "<li>Weet elk afdelingshoofd welke processen in het eigen domein kwetsbaar zijn, "
            "en bij wie medewerkers met een vermoeden terechtkunnen?</li>"
            "<li>Worden signalen van boa's en andere medewerkers vastgelegd, gewogen en "
            "teruggekoppeld?</li>"
            "<li>Past de capaciteit in het buitengebied bij de omvang van het probleem?</li>"
            "<li>Screenen jullie medewerkers in gevoelige functies alleen bij indiensttreding, "
            "of ook daarna? En werken Veiligheid en HR daarin samen?</li>"
            "<li>Zetten jullie de Wet Bibob en artikel 13b actief in, en stemmen jullie dat af "
            "met de buurgemeenten?</li>"
            "<li>Zijn jullie alert op vriendjespolitiek en belangenverstrengeling? Dat is een "
            "van de zeven lokale tips uit onderzoek naar lokale weerbaarheid.</li>"
            "</ul>"
        ),
    },
]

MODULE = {
    "slug": "bestuurlijke-weerbaarheid",
    "title": "Bestuurlijke weerbaarheid",
    "theme": "bestuurlijke-weerbaarheid",
    "audience": "management",
    "estimated_minutes": 20,
    "pass_mark": 70,
    "image": "vergaderzaal",
    "introduction": INTRODUCTION,
    "learning_objectives": LEARNING_OBJECTIVES,
    "reporting_routes": REPORTING_ROUTES,
    "sources": SOURCES,
    "steps": STEPS,
}
