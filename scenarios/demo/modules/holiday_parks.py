"""Demo module "Vakantieparken": ondermijning op vakantieparken (content brief, section 2)."""

from ..illustrations import per_mille

INTRODUCTION = (
    "<p>Een vakantiepark ligt vaak rustig en wat verstopt in het buitengebied. Er zijn veel "
    "huisjes en er komen steeds andere gasten. Dat maakt een park handig voor criminelen: om "
    "onder te duiken, om drugs te maken, om geld wit te wassen of om arbeidsmigranten uit te "
    "buiten.</p>"
    "<p>In deze module leer je welke signalen je op een park kunt zien. Je oefent met twee "
    "situaties: een vreemde boeking bij de receptie en een controle op brandveiligheid. Je leert "
    "wat je vastlegt en wie je belt.</p>"
)

LEARNING_OBJECTIVES = (
    "<ul>"
    "<li>Je noemt de belangrijkste signalen van ondermijning op een vakantiepark.</li>"
    "<li>Je herkent signalen van arbeidsuitbuiting en ziet arbeidsmigranten als mogelijke "
    "slachtoffers.</li>"
    "<li>Je weet waarom chalets aantrekkelijk zijn om geld wit te wassen.</li>"
    "<li>Je legt een signaal goed vast en geeft het door aan de juiste partner, zonder zelf de "
    "confrontatie aan te gaan.</li>"
    "</ul>"
)

REPORTING_ROUTES = (
    "<p>Zie je op een park iets dat niet klopt? Ga niet zelf de confrontatie aan. Leg vast wat "
    "je ziet en kies de juiste route:</p>"
    "<ul>"
    "<li><b>Acuut gevaar</b>, zoals geweld, wapens of een sterke chemische geur: bel "
    "<b>112</b>.</li>"
    "<li><b>Geen spoed</b>: bel de politie op <b>0900-8844</b>.</li>"
    "<li><b>Anoniem melden</b>: Meld Misdaad Anoniem, <b>0800-7000</b>. Zij zien je nummer niet "
    "en nemen het gesprek niet op.</li>"
    "<li><b>Signalen van uitbuiting</b>, zoals ingehouden paspoorten of loon: schakel de politie "
    "en de <b>Nederlandse Arbeidsinspectie</b> in.</li>"
    "<li><b>Registreer elk signaal</b> in het systeem van je organisatie, zodat OOV en het RIEC "
    "het kunnen koppelen aan andere meldingen: datum, tijd, plek, kenteken en wat je zag.</li>"
    "<li>De <b>gemeente</b> kan het RIEC vragen om een risico-indicatie van de parken in de "
    "gemeente.</li>"
    "</ul>"
)

SOURCES = [
    (
        "Veilige vakantieparken: de problematiek",
        "CCV",
        "https://hetccv.nl/themas/georganiseerde-criminaliteit-en-ondermijning/"
        "veilige-vakantieparken/problematiek/",
    ),
    (
        "Veilige vakantieparken: park in beeld",
        "CCV",
        "https://hetccv.nl/themas/georganiseerde-criminaliteit-en-ondermijning/"
        "veilige-vakantieparken/park-in-beeld/",
    ),
    (
        "Nieuw online instrument voor veilige vakantieparken",
        "Beveiliging.nl",
        "https://www.beveiliging.nl/nieuws/"
        "nieuw-online-instrument-met-maatregelen-voor-veilige-vakantieparken",
    ),
    (
        "Recreatiepark in trek bij witwassers",
        "NRC",
        "https://www.nrc.nl/nieuws/2022/06/13/recreatiepark-in-trek-bij-witwassers-a4133303",
    ),
    ("Nieuwsbericht over witwassen via recreatieparken", "NOS", "https://nos.nl/artikel/2434015"),
    (
        "Controleur ziet op vakantieparken regelmatig criminaliteit",
        "EenVandaag",
        "https://eenvandaag.avrotros.nl/item/wat-in-netflix-hit-undercover-gebeurt-is-voor-mij-"
        "realiteit-adriaan-ziet-als-controleur-op-vakantieparken-regelmatig-criminaliteit/",
    ),
    (
        "In bungalow werd 'houtje-touwtje' drugs gemaakt",
        "Omroep Brabant",
        "https://www.omroepbrabant.nl/nieuws/4263931",
    ),
    (
        "Maatregelen tegen drugscriminaliteit op Zeeuwse recreatieparken",
        "PZC",
        "https://www.pzc.nl/zeeuws-nieuws/"
        "maatregelen-tegen-drugscriminaliteit-op-zeeuwse-recreatieparken~abe925ce/",
    ),
    (
        "E-learning: arbeidsuitbuiting signaleren op vakantieparken",
        "Defence for Children",
        "https://www.defenceforchildren.nl/actueel/nieuws/seksuele-uitbuiting/2020/"
        "e-learning-signaleren-arbeidsuitbuiting-in-vakantieparken/",
    ),
    (
        "Aanpak van misstanden rond arbeidsmigranten",
        "Kafra Housing",
        "https://kafrahousing.com/en/blog/2019/11/08/"
        "eind-2019-aanpak-voor-misstanden-rondom-arbeidsmigranten/",
    ),
    (
        "Het broeit op de camping",
        "de Volkskrant",
        "https://www.volkskrant.nl/nieuws-achtergrond/het-broeit-op-de-bol-com-camping-als-vrouw-"
        "zou-ik-zeker-niet-zomaar-over-de-camping-gaan-lopen-~b3f7f7b4/",
    ),
    (
        "Afwikkeling vakantiepark Fort Oranje kost gemeente jaarlijks miljoenen",
        "NOS Nieuwsuur",
        "https://nos.nl/nieuwsuur/artikel/2261393",
    ),
    (
        "Vakantieparken: niet alleen op bestemming handhaven",
        "Veluweland",
        "https://veluweland.nl/lokaal/vakantieparken-niet-alleen-op-bestemming-handhaven-521573",
    ),
    (
        "Derde van Brabantse vakantieparken heeft te weinig perspectief",
        "BD",
        "https://www.bd.nl/regio/"
        "derde-van-brabantse-vakantieparken-heeft-te-weinig-perspectief~a8b93f2a/",
    ),
    (
        "Nieuwsbericht over arbeidsmigranten op vakantieparken",
        "Omroep Brabant",
        "https://www.omroepbrabant.nl/nieuws/4501683",
    ),
    (
        "Verloedering hangt in de lucht bij vakantieparken",
        "BN DeStem",
        "https://www.bndestem.nl/brabant/"
        "verloedering-hangt-in-de-lucht-bij-vakantieparken~a1c29d8c/",
    ),
    (
        "Rapporteur slaat alarm over arbeidsuitbuiting",
        "de Volkskrant",
        "https://www.volkskrant.nl/economie/weer-slaat-de-rapporteur-alarm-over-arbeidsuitbuiting-"
        "waarom-is-het-zo-moeilijk-op-te-lossen~bd0de39d/",
    ),
    (
        "Nieuwsbericht over het registreren van gasten",
        "Omroep Zeeland",
        "https://www.omroepzeeland.nl/nieuws/110365",
    ),
    ("Meld Misdaad Anoniem", "Politie", "https://www.politie.nl/themas/meld-misdaad-anoniem.html"),
]

STEPS = [
    {
        "key": "waarom-parken",
        "type": "information",
        "heading": "Waarom vakantieparken kwetsbaar zijn",
        "body": (
            "<p>Op een vakantiepark valt een nieuw gezicht niet op. Gasten komen en gaan, huisjes "
            "staan ver uit elkaar en er is weinig toezicht. Dat trekt niet alleen toeristen "
            "aan.</p>"
            "<p>Veel parken hebben het moeilijk. Van de ongeveer 200 parken in Brabant heeft zo'n "
            "<b>derde</b> weinig toekomst. Op zulke parken raakt het onderhoud achter en "
            "verloedert het park. Dan ontstaat er ruimte voor mensen die uit het zicht willen "
            "blijven.</p>"
            "<p>Criminelen gebruiken een park op verschillende manieren:</p>"
            "<ul>"
            "<li>als plek om te wonen of onder te duiken;</li>"
            "<li>als werkplaats, bijvoorbeeld voor een drugslab of een hennepkwekerij;</li>"
            "<li>om geld wit te wassen met de aankoop van chalets;</li>"
            "<li>om arbeidsmigranten of kwetsbare mensen uit te buiten, ook in de "
            "prostitutie.</li>"
            "</ul>"
        ),
        "image": "vakantiepark",
    },
    {
        "key": "signalen-bewoning",
        "type": "information",
        "heading": "Wie woont er eigenlijk op het park?",
        "body": (
            "<p>Een vakantiehuisje is bedoeld voor vakantie. Toch woonden er in 2018 in "
            "Nederland zo'n <b>55.000 mensen</b> vast in een vakantiewoning. Op de Veluwe werd "
            "ongeveer 15 procent van de 29.000 huisjes illegaal bewoond.</p>"
            "<p>Vaste bewoning is niet altijd crimineel. Soms gaat het om mensen met schulden die "
            "nergens anders terechtkunnen. Maar een park trekt ook mensen aan die zich voor de "
            "overheid willen verbergen, zoals gezochte personen of leden van een "
            "motorclub.</p>"
            "<h3>Let op</h3>"
            "<ul>"
            "<li>Bewoners die het hele jaar blijven en niet in de BRP staan.</li>"
            "<li>Een park waar mensen alleen een postadres hebben.</li>"
            "<li>Een park zonder nachtregister: niemand weet wie er slaapt.</li>"
            "<li>Ruzies, vechtpartijen of wapens op het park.</li>"
            "</ul>"
            "<p>Houdt het park geen nachtregister bij? Dan is dat op zich al een signaal.</p>"
        ),
        "image": None,
    },
    {
        "key": "signalen-drugs-witwassen",
        "type": "information",
        "heading": "Drugs, witwassen en dure auto's",
        "body": (
            "<p>Een chalet is klein, maar een drugslab heeft niet veel ruimte nodig. Let op "
            "deze signalen:</p>"
            "<ul>"
            "<li>weegschalen, pH-strips en jerrycans;</li>"
            "<li>een chemische geur rond het huisje;</li>"
            "<li>metaal dat is aangetast of verkleurd door dampen;</li>"
            "<li>een dure auto bij een vervallen chalet, en overal camera's.</li>"
            "</ul>"
            "<p>Ook in de handel in chalets zit risico. Een chalet wordt soms contant gekocht, "
            "zonder notaris. Dan staat de koop niet in het Kadaster en ziet niemand waar het geld "
            "vandaan komt. Soms wordt een chalet snel weer doorverkocht, of koopt iemand een heel "
            "park op. Het RIEC Oost-Nederland zag in vijf jaar ongeveer <b>300 verdachte "
            "transacties</b> rond vakantieparken.</p>"
            "<p>Verder komen op parken prostitutie, hennepteelt en opslag van gestolen spullen "
            "voor.</p>"
        ),
        "image": None,
    },
]

STEPS += [
    {
        "key": "receptie",
        "type": "scene",
        "heading": "Een rustig chalet voor de hele winter",
        "situation": (
            "<p>Het is eind oktober. Je bent voor een controle van het nachtregister bij de "
            "receptie van een vakantiepark. Terwijl je met de beheerder praat, komt er een man "
            "binnen.</p>"
            "<p>Hij wil een chalet huren van <b>november tot en met maart</b>. Het moet een "
            'huisje zijn achteraan op het park, "lekker rustig". Hij legt een envelop met '
            "contant geld op de balie en wil de hele periode <b>vooruit betalen</b>. Een "
            'legitimatiebewijs heeft hij "in de auto laten liggen".</p>'
            '<p>De beheerder kijkt je aan en vraagt zachtjes: "Dit mag toch gewoon?"</p>'
        ),
        "image": "vakantiepark",
    },
    {
        "key": "receptie-besluit",
        "type": "decision",
        "prompt": "Wat adviseer je de beheerder, en wat doe je zelf?",
        "options": [
            {
                "text": (
                    "Laat de beheerder vragen om een identiteitsbewijs, betaling via de bank, "
                    "inschrijving in het nachtregister en akkoord met controles. Weigert de man? "
                    "Noteer zijn signalement en kenteken en meld het bij de politie of Meld "
                    "Misdaad Anoniem."
                ),
                "verdict": "right",
                "points": 2,
                "feedback": (
                    "<p>Goed. Een lange boeking buiten het seizoen, contant vooruit en zonder ID, "
                    "is een duidelijk signaal. Met gewone eisen (ID, bankbetaling, nachtregister, "
                    "controles) schrikt een park criminelen af, zonder dat iemand de confrontatie "
                    "aangaat. Noteer wat je zag en registreer het signaal, zodat OOV en het RIEC "
                    "het kunnen koppelen aan andere meldingen.</p>"
                ),
                "signals": ["contante-boeking", "geen-nachtregister"],
            },
            {
                "text": (
                    "Adviseer de beheerder om de contante boeking te weigeren. Verder doe je er "
                    "niets mee: de man is weg, dus het probleem is opgelost."
                ),
                "verdict": "acceptable",
                "points": 1,
                "feedback": (
                    "<p>Deels goed. Het park loopt nu geen risico meer. Maar de man zoekt "
                    "waarschijnlijk gewoon een ander park. Als niemand het signaal vastlegt, "
                    "kan niemand de puzzel leggen. Noteer signalement, kenteken en tijd, en "
                    "registreer het voor OOV en het RIEC of geef het door aan de politie.</p>"
                ),
                "signals": ["contante-boeking"],
            },
            {
                "text": (
                    "Zeg dat het mag. Iedereen mag een huisje boeken en contant betalen is niet "
                    "verboden."
                ),
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Niet goed. Zo werd ook het huisje geboekt waarin later een drugslab zat, "
                    "op het Zeeuwse park De Banjaard. Daarna spraken de parken daar af: gasten "
                    "registreren met ID, geen contant geld aannemen, lange verblijven controleren "
                    "en personeel trainen.</p>"
                ),
                "signals": [],
            },
            {
                "text": (
                    "Vraag de man zelf wat hij in de winter op het park komt doen. Loop daarna "
                    "achter hem aan naar zijn auto om te kijken wie er nog meer in zit."
                ),
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Niet doen. Zo ga je de confrontatie aan. Dat kan gevaarlijk zijn, en de "
                    "man weet nu dat hij opvalt. Hij vertelt je toch niet de waarheid. Noteer "
                    "vanaf een veilige plek wat je ziet en bel de politie.</p>"
                ),
                "signals": [],
            },
        ],
    },
]

STEPS += [
    {
        "key": "arbeidsuitbuiting",
        "type": "information",
        "heading": "Arbeidsmigranten: bewoner of slachtoffer?",
        "body": (
            "<p>Op veel parken wonen arbeidsmigranten. Dat is niet verboden. Maar soms worden "
            "ze uitgebuit. Het aantal gemelde slachtoffers van arbeidsuitbuiting steeg van "
            "<b>261 in 2019</b> naar <b>449 in 2020</b>.</p>"
            "<h3>Signalen van uitbuiting</h3>"
            "<ul>"
            "<li>Veel mensen die elkaar niet kennen, samen in één klein chalet.</li>"
            "<li>Het bed hoort bij de baan: wie zijn werk kwijtraakt, raakt ook zijn bed "
            "kwijt.</li>"
            "<li>Om de paar weken moeten ze naar een ander park.</li>"
            "<li>Van het loon gaat zo'n <b>€ 400 per vier weken</b> af voor een bed. Ook "
            "vervoer wordt ingehouden.</li>"
            "<li>Het rooster komt per sms. Bij aankomst tekenen ze een nieuw nulurencontract.</li>"
            "<li>De baas bewaart hun paspoorten.</li>"
            "</ul>"
            "<p>Zie deze mensen als <b>mogelijke slachtoffers</b>, niet als overtreders. Een "
            "boete voor illegale bewoning lost niets op. Het uitzendbureau zet ze dan gewoon op "
            "een volgend park.</p>"
        ),
        "image": None,
    },
    {
        "key": "brandveiligheid",
        "type": "scene",
        "heading": "Controle op brandveiligheid",
        "situation": (
            "<p>Je doet met een collega een controle op brandveiligheid. Het chalet is bedoeld "
            "voor vier personen. Binnen tel je <b>acht matrassen</b>: vier in stapelbedden en "
            "vier op de vloer. Er hangt werkkleding aan een lijn en de stekkerdoos zit vol.</p>"
            "<p>Drie mannen zijn thuis. Ze spreken weinig Nederlands. Een van hen vertelt in "
            'gebroken Engels dat "de baas" hun paspoorten heeft. "Voor de '
            'veiligheid", zegt hij. Volgende week moeten ze naar een ander park.</p>'
        ),
        "image": "matrassen",
    },
    {
        "key": "brandveiligheid-besluit",
        "type": "decision",
        "prompt": "Wat doe je met wat je hier ziet?",
        "options": [
            {
                "text": (
                    "Leg de feiten vast: aantal matrassen en bewoners, wat ze zeggen over de "
                    "paspoorten, naam van de baas of het bureau. Schakel de politie en de "
                    "Nederlandse Arbeidsinspectie in en registreer het signaal."
                ),
                "verdict": "right",
                "points": 2,
                "feedback": (
                    "<p>Goed. Ingehouden paspoorten en overvolle huisvesting die aan het werk "
                    "vastzit, wijzen op mogelijke <b>arbeidsuitbuiting</b>. De politie en de "
                    "Nederlandse Arbeidsinspectie kunnen dat onderzoeken. Jouw feitelijke "
                    "verslag is daarbij veel waard. Behandel de mannen als mogelijke "
                    "slachtoffers.</p>"
                ),
                "signals": ["overbewoning", "inhouding-loon"],
            },
            {
                "text": (
                    "Schrijf een rapport over de brandonveilige situatie en stuur het naar je "
                    "leidinggevende. Die kan later bepalen of de paspoorten iets voor de politie "
                    "zijn."
                ),
                "verdict": "acceptable",
                "points": 1,
                "feedback": (
                    "<p>Deels goed. Je legt de feiten vast, en dat is belangrijk. Maar volgende "
                    "week zijn de mannen al weg. Het signaal van uitbuiting moet snel naar de "
                    "politie en de Nederlandse Arbeidsinspectie, niet alleen naar de afdeling "
                    "brandveiligheid.</p>"
                ),
                "signals": ["overbewoning"],
            },
            {
                "text": (
                    "Geef een boete voor illegale bewoning en zeg dat er binnen een week maar "
                    "vier mensen in het chalet mogen wonen."
                ),
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Niet goed. Je straft de mensen die waarschijnlijk slachtoffer zijn. Het "
                    "bureau zet ze gewoon op een volgend park, en de uitbuiting gaat door. Niemand "
                    "kijkt naar de baas die de paspoorten heeft.</p>"
                ),
                "signals": [],
            },
            {
                "text": (
                    "Zoek de baas op en eis dat hij de paspoorten meteen teruggeeft aan de mannen."
                ),
                "verdict": "wrong",
                "points": 0,
                "feedback": (
                    "<p>Niet doen. Je gaat de confrontatie aan, en dat kan gevaarlijk zijn, voor "
                    "jou en voor de mannen. De baas is dan gewaarschuwd en kan bewijs laten "
                    "verdwijnen of de mannen onder druk zetten. Laat dit over aan de politie en "
                    "de Arbeidsinspectie.</p>"
                ),
                "signals": [],
            },
        ],
    },
]

STEPS += [
    {
        "key": "zoek-de-signalen-park",
        "type": "hotspot",
        "image": "vakantiepark",
        "question": "Wat valt je op bij het grijze chalet op dit park?",
        "mode": "count",
        "points": 5,
        "feedback": (
            "<p>Op zichzelf kan een camera of een dure auto onschuldig zijn. Samen met een "
            "dichtgetimmerd raam en een verwaarloosd chalet ontstaat een beeld dat je vastlegt en "
            "meldt, bij voorkeur via je teamleider of het meldpunt van de gemeente.</p>"
        ),
        "regions": [
            {
                "label": "Raam van het grijze chalet",
                "kind": "signal",
                "shape": per_mille((584, 474), (716, 556)),
                "explanation": (
                    "<p>Het raam is met planken dichtgetimmerd. Een chalet waar wel iemand komt "
                    "maar waar niemand naar binnen mag kijken, kan een schuilplaats of werkplaats "
                    "zijn.</p>"
                ),
                "signals": ["onderduikers"],
            },
            {
                "label": "Paal bij de oprit",
                "kind": "signal",
                "shape": per_mille((446, 384), (524, 614)),
                "explanation": (
                    "<p>Op een paal bij de oprit hangen twee camera's die elke auto en "
                    "voorbijganger volgen. Zoveel beveiliging past niet bij een eenvoudig, "
                    "vervallen chalet.</p>"
                ),
                "signals": ["dure-auto-camera"],
            },
            {
                "label": "Hoek van het grijze chalet",
                "kind": "signal",
                "shape": per_mille((530, 410), (580, 460)),
                "explanation": (
                    "<p>Ook op de hoek van de gevel hangt een camera, gericht op het pad. Wie zo "
                    "scherp bijhoudt wie er aankomt, wil vaak niet verrast worden.</p>"
                ),
                "signals": ["dure-auto-camera"],
            },
            {
                "label": "Zwarte auto voor het grijze chalet",
                "kind": "signal",
                "shape": per_mille((522, 590), (880, 700)),
                "explanation": (
                    "<p>Een dure sportauto voor een chalet met mos op het dak: het geld gaat "
                    "kennelijk niet naar het onderhoud. Een bekend signaal van witwassen of "
                    "criminele bewoning.</p>"
                ),
                "signals": ["dure-auto-camera"],
            },
            {
                "label": "Schuurtje naast het grijze chalet",
                "kind": "signal",
                "shape": per_mille((848, 396), (946, 602)),
                "explanation": (
                    "<p>Aan het schuurtje hangt nog een camera, gericht op de achterkant. Het "
                    "schuurtje zelf heeft geen raam: wat erin staat, blijft uit het zicht.</p>"
                ),
                "signals": ["dure-auto-camera"],
            },
            {
                "label": "Chalets links op het park",
                "kind": "ordinary",
                "shape": per_mille((20, 290), (466, 488)),
                "explanation": (
                    "<p>Gewone vakantiechalets: onderhouden, met bloembakken en heldere ramen. Zo "
                    "ziet een chalet eruit dat voor vakanties wordt gebruikt.</p>"
                ),
            },
            {
                "label": "Bord bij de ingang",
                "kind": "ordinary",
                "shape": per_mille((46, 536), (234, 662)),
                "explanation": (
                    "<p>Het naambord van het park. Niets bijzonders, maar handig om straks precies "
                    "te kunnen melden waar je was.</p>"
                ),
            },
            {
                "label": "Boom rechts vooraan",
                "kind": "ordinary",
                "shape": per_mille((900, 400), (1064, 646)),
                "explanation": (
                    "<p>Een gewone boom op het park. Let wel op wat erachter hangt: de camera aan "
                    "het schuurtje zit er vlak naast.</p>"
                ),
            },
            {
                "label": "Chalet rechts achteraan",
                "kind": "ordinary",
                "shape": per_mille((990, 300), (1200, 476)),
                "explanation": (
                    "<p>Nog een net chalet met een bloembak en gordijnen open, zoals de meeste "
                    "chalets op dit park.</p>"
                ),
            },
        ],
    },
    {
        "key": "wat-kun-je-doen",
        "type": "information",
        "heading": "Wat kun je doen?",
        "body": (
            "<p>Je hoeft geen rechercheur te zijn. Je taak is: zien, vastleggen en doorgeven.</p>"
            "<ul>"
            "<li><b>Ga niet de confrontatie aan.</b> Bel de politie, of 112 bij acuut "
            "gevaar.</li>"
            "<li><b>Leg vast wat je ziet</b>: datum, tijd, chalet, kenteken, aantal mensen. "
            "Registreer het signaal, zodat OOV en het RIEC het kunnen koppelen.</li>"
            "<li><b>Zie arbeidsmigranten als mogelijke slachtoffers.</b> Schakel de politie en "
            "de Nederlandse Arbeidsinspectie in.</li>"
            "<li><b>Help parken weerbaar te worden.</b> Gasten registreren met een "
            "identiteitsbewijs, geen contant geld aannemen, lange verblijven controleren en "
            "personeel trainen. Het CCV heeft hulpmiddelen voor veilige vakantieparken.</li>"
            "<li><b>Laat de gemeente het RIEC vragen</b> om een risico-indicatie van de parken. "
            "Dan weet je waar je het beste kunt beginnen.</li>"
            "</ul>"
        ),
        "image": "boa",
    },
    {
        "key": "vraag-witwassen",
        "type": "single_choice",
        "question": "Waarom zijn chalets aantrekkelijk om crimineel geld wit te wassen?",
        "points": 1,
        "explanation": (
            "<p>Een chalet kan soms <b>contant en zonder notaris</b> worden gekocht. Dan komt de "
            "koop niet in het Kadaster en is niet te zien waar het geld vandaan komt. Snel "
            'doorverkopen maakt het geld "schoon". Het RIEC Oost-Nederland zag ongeveer 300 '
            "verdachte transacties in vijf jaar.</p>"
        ),
        "signals": ["contante-aankoop"],
        "options": [
            {
                "text": "Ze zijn vaak contant te koop, zonder notaris en zonder inschrijving in "
                "het Kadaster.",
                "correct": True,
                "feedback": "<p>Juist. Zo blijft onzichtbaar wie de koper is en waar het geld "
                "vandaan komt.</p>",
            },
            {
                "text": "Op een chalet hoef je geen belasting te betalen.",
                "correct": False,
                "feedback": "<p>Nee. Het gaat erom dat de aankoop buiten het zicht blijft, niet "
                "om belasting.</p>",
            },
            {
                "text": "Banken geven voor een chalet makkelijk een hypotheek.",
                "correct": False,
                "feedback": "<p>Nee. Juist geld buiten de bank om maakt een chalet interessant "
                "voor witwassers.</p>",
            },
        ],
    },
    {
        "key": "vraag-vaste-bewoners",
        "type": "single_choice",
        "question": "Hoeveel mensen woonden er in 2018 in Nederland vast in een vakantiewoning?",
        "points": 1,
        "explanation": (
            "<p>Het ging om ongeveer <b>55.000 mensen</b>. Niet iedereen van hen is crimineel: "
            "er zitten ook kwetsbare mensen met schulden tussen. Maar zoveel vaste bewoners "
            "maken het makkelijk om op te gaan in de massa.</p>"
        ),
        "signals": ["permanente-bewoning"],
        "options": [
            {
                "text": "Ongeveer 5.000",
                "correct": False,
                "feedback": "<p>Te laag. Het waren er ongeveer tien keer zoveel.</p>",
            },
            {
                "text": "Ongeveer 55.000",
                "correct": True,
                "feedback": "<p>Juist.</p>",
            },
            {
                "text": "Ongeveer 550.000",
                "correct": False,
                "feedback": "<p>Te hoog. Het waren er ongeveer 55.000.</p>",
            },
        ],
    },
]

STEPS += [
    {
        "key": "vraag-signalen-uitbuiting",
        "type": "multiple_choice",
        "question": (
            "Je praat met arbeidsmigranten op een park. Welke dingen wijzen op mogelijke "
            "arbeidsuitbuiting? Kies alle juiste antwoorden."
        ),
        "points": 2,
        "explanation": (
            "<p>Uitbuiting zie je aan <b>afhankelijkheid</b>: bed en baan zijn aan elkaar "
            "gekoppeld, er gaat veel van het loon af en de baas heeft de paspoorten. Schakel de "
            "politie en de Nederlandse Arbeidsinspectie in.</p>"
        ),
        "signals": ["overbewoning", "inhouding-loon"],
        "options": [
            {
                "text": "De baas bewaart hun paspoorten.",
                "correct": True,
                "feedback": "<p>Juist. Zonder paspoort kunnen ze nergens anders heen.</p>",
            },
            {
                "text": "Er gaat ongeveer € 400 per vier weken van hun loon af voor een bed.",
                "correct": True,
                "feedback": "<p>Juist. Hoge inhoudingen houden mensen afhankelijk.</p>",
            },
            {
                "text": "Ze moeten om de paar weken naar een ander park verhuizen.",
                "correct": True,
                "feedback": "<p>Juist. Zo bouwen ze geen contacten op en valt het minder op.</p>",
            },
            {
                "text": "Ze hebben zelf een huurcontract met het park en betalen de huur via "
                "de bank.",
                "correct": False,
                "feedback": "<p>Nee. Dat wijst juist op een zelfstandige en controleerbare "
                "afspraak.</p>",
            },
            {
                "text": "Ze fietsen elke ochtend samen naar hun werk.",
                "correct": False,
                "feedback": "<p>Nee. Dat zegt op zich niets over uitbuiting.</p>",
            },
        ],
    },
    {
        "key": "vraag-labsignalen",
        "type": "multiple_choice",
        "question": (
            "Bij een controle kijk je door het raam van een chalet. Welke dingen kunnen wijzen "
            "op een drugslab? Kies alle juiste antwoorden."
        ),
        "points": 2,
        "explanation": (
            "<p>Weegschalen, pH-strips, jerrycans, een chemische geur en metaal dat is aangetast "
            "door dampen horen bij de productie van drugs. Ga niet naar binnen en spreek niemand "
            "aan. Loop weg en bel de politie, of 112 bij acuut gevaar.</p>"
        ),
        "signals": ["labmateriaal"],
        "options": [
            {
                "text": "Weegschalen en pH-strips op het aanrecht.",
                "correct": True,
                "feedback": "<p>Juist. Dit gereedschap hoort bij het maken van drugs.</p>",
            },
            {
                "text": "Deurklinken en een kraan die zijn aangetast of verkleurd.",
                "correct": True,
                "feedback": "<p>Juist. Chemische dampen tasten metaal aan.</p>",
            },
            {
                "text": "Een rij jerrycans en een scherpe chemische geur.",
                "correct": True,
                "feedback": "<p>Juist. Houd afstand: de dampen kunnen giftig zijn.</p>",
            },
            {
                "text": "Een barbecue en een krat bier op het terras.",
                "correct": False,
                "feedback": "<p>Nee. Dat is gewoon vakantie.</p>",
            },
        ],
    },
    {
        "key": "vraag-contante-boeking",
        "type": "single_choice",
        "question": (
            "Een gast boekt een chalet voor vijf maanden buiten het seizoen en betaalt alles "
            "contant vooruit. Wat is dat?"
        ),
        "points": 1,
        "explanation": (
            "<p>Zo'n boeking is niet verboden, maar wel <b>een signaal</b>. Laat het park om ID, "
            "bankbetaling en inschrijving in het nachtregister vragen. Leg het vast en geef het "
            "door als het niet klopt.</p>"
        ),
        "signals": ["contante-boeking"],
        "options": [
            {
                "text": "Normaal: veel mensen betalen graag contant.",
                "correct": False,
                "feedback": "<p>Nee. Juist de combinatie van een lang verblijf buiten het seizoen "
                "en contant vooruit betalen valt op.</p>",
            },
            {
                "text": "Een signaal om na te gaan en vast te leggen.",
                "correct": True,
                "feedback": "<p>Juist. Op die manier werd ook een drugslab op het Zeeuwse park De "
                "Banjaard geboekt.</p>",
            },
            {
                "text": "Bewijs dat er een drugslab in het chalet komt.",
                "correct": False,
                "feedback": "<p>Nee. Het is een signaal, geen bewijs. Ga na, leg vast en geef "
                "het door.</p>",
            },
        ],
    },
]

MODULE = {
    "slug": "vakantieparken",
    "title": "Vakantieparken",
    "theme": "vakantieparken",
    "audience": "professionals",
    "estimated_minutes": 15,
    "pass_mark": 70,
    "image": "vakantiepark",
    "introduction": INTRODUCTION,
    "learning_objectives": LEARNING_OBJECTIVES,
    "reporting_routes": REPORTING_ROUTES,
    "sources": SOURCES,
    "steps": STEPS,
}
