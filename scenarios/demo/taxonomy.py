"""The demo's signal taxonomy: themes of undermining crime in the rural area and the signals
that belong to each (after the content brief). Module content refers to signals by key."""

THEMES = [
    {
        "slug": "leegstand-en-drugsafval",
        "name": "Leegstaande panden en drugsafval",
        "description": "Drugslabs en hennepkwekerijen in leegstaande stallen en loodsen, en het "
        "dumpen van drugsafval in het buitengebied.",
        "signals": {
            "chemische-geur": "Chemische geur (anijs, zuur, oplosmiddel)",
            "hennepgeur": "Aanhoudende aardse hennepgeur",
            "geur-gemaskeerd": "Geur gemaskeerd met mest of wasverzachter",
            "afgeplakte-ramen": "Ramen afgeplakt, donker of beslagen",
            "pu-schuim": "PU-schuim in deurkieren",
            "busje-tegen-deur": "Busje achteruit tegen de deur, laden en lossen 's nachts",
            "vaten-en-jerrycans": "Aan- en afvoer van vaten, jerrycans, IBC's of gasflessen",
            "gezoem-ventilatie": "Constant gezoem, extra ventilatiepijpen, omgekeerde roosters",
            "stroomverbruik": "Stroom 12 tot 18 uur per dag aan, spanningsdips, illegale "
            "aansluiting",
            "vaste-bezoekers": "Steeds dezelfde bezoekers om de 10 tot 12 weken, potgrond die naar "
            "binnen gaat",
            "container-verhuurd": "Zeecontainer of bijgebouw verhuurd",
            "dumping-nacht": "Voertuig 's nachts op een doodlopend pad, nerveuze mensen met "
            "handschoenen",
            "vaten-in-sloot": "Vaten in een sloot, in het bos of in een uitgebrande auto",
            "gierkelder": "Drugsafval in de gierkelder",
        },
    },
    {
        "slug": "vakantieparken",
        "name": "Vakantieparken",
        "description": "Vakantieparken als schuilplaats, werkplaats of witwasobject, en uitbuiting "
        "van arbeidsmigranten.",
        "signals": {
            "permanente-bewoning": "Permanente bewoning, vaak niet ingeschreven in de BRP",
            "overbewoning": "Veel onbekenden samen in één chalet, huisvesting gekoppeld aan het "
            "werk",
            "inhouding-loon": "Inhoudingen voor bed en vervoer, roosters per sms, paspoorten bij "
            "de baas",
            "dure-auto-camera": "Dure auto bij een vervallen chalet, overal camera's",
            "contante-boeking": "Lange boeking buiten het seizoen, contant vooruitbetaald",
            "labmateriaal": "Weegschalen, pH-strips, jerrycans, chemische geur, aangetast metaal",
            "contante-aankoop": "Chalets contant gekocht zonder notaris of Kadaster, snel "
            "doorverkocht",
            "geen-nachtregister": "Geen nachtregister, ruzies of wapens op het park",
            "onderduikers": "Bewoners die zich aan het zicht van de overheid onttrekken",
        },
    },
    {
        "slug": "benadering-ondernemers",
        "name": "Benadering van boeren en ondernemers",
        "description": "Criminelen die boeren en ondernemers benaderen om panden te huren of te "
        "kopen.",
        "signals": {
            "huur-boven-markt": "Ongevraagd huuraanbod ver boven de marktprijs, contant vooruit",
            "dekmantelverhaal": "Een dekmantelverhaal: caravanstalling, wijn, tenten, stekjes",
            "tussenpersoon": "Een nette man in pak of een vertrouwde tussenpersoon",
            "wietbrief": "Brieven, briefjes of berichten met een bod van tienduizenden euro's",
            "kwetsbare-ondernemer": "Stoppende boer of ondernemer in financiële problemen",
            "geen-contract": "Huurder wil geen contract, geen bankbetaling en geen toegang voor de "
            "eigenaar",
            "vreemden-met-sleutels": "Vreemden met sleutels, nachtelijk verkeer, ander gebruik dan "
            "afgesproken",
            "bedreiging": "Bedreiging als de eigenaar ervan af wil",
            "onverklaarde-uitgaven": "Plotselinge, onverklaarde uitgaven",
        },
    },
    {
        "slug": "bestuurlijke-weerbaarheid",
        "name": "Bestuurlijke weerbaarheid",
        "description": "Hoe een gemeente zich weerbaar maakt: integrale aanpak, informatiepositie, "
        "instrumenten en samenwerking.",
        "signals": {
            "aanvrager-met-antecedenten": "Aanvrager met banden met een veroordeelde",
            "kwetsbaar-proces": "Kwetsbaar proces: vergunningen, toezicht, BRP of inkoop",
            "signalen-niet-geregistreerd": "Signalen van boa's worden niet vastgelegd",
            "eenmalige-screening": "Screening van medewerkers alleen bij indiensttreding",
            "informatieverzoek": "Ongebruikelijke verzoeken om gemeentelijke informatie",
        },
    },
]
