"""Names as data for redaction: folded first names and surnames in every case, words that are no names,
and context words."""

from __future__ import annotations

from bot.core import name_collisions, places
from bot.core import name_lists as L
from bot.core.declension import cyrillic_forms, name_forms, surname_forms
from bot.core.text import fold, word_list

# Names that are also ordinary words or places: they need a capital letter away from a sentence
# start, or a title or role word before them ("pan Kazimierz", "my boss Mark").
_WEAK_FIRST = """
will may june april august mark bill rose grace hope faith joy art frank jack ray dawn summer violet
lily iris ruby amber pearl sunny guy rich sue pat chase drew gene sky max dean tom sam nick don jean
bob rob ken kim ali ida ala dana mila lila róża malina kalina jagoda wiara kuba sylwester kazimierz
kazimierza kazimierzu mikołaj oskar lew wit mają ani roman georgia holly ivy daisy hana ale ole iwo
miles hunter carter jordan christian oliwer lech marka franka maja mai nadia nastia alla lesia vera
viktor victor sofia jasmine penny misty sandy cliff glen heath aria aurora burak can carol crystal
flora gloria gracja hala harsh hazel hortensja hung jade laurka lilia lina long luna nadzieja nam
nana nora nova oliwka pola poppy raj rana said sami sewer stan tam tamta tara van wiki willow yen
metody narcyz inna tania kola kubek lan linh anh hoa tung mai minh duc long nam tam thu van yaw
ama ana gul kiran sana hala mona dina lina hadi amal ada iwa zyta gaja bogna
надія надежда любов любовь
"""

# Surnames that are also ordinary words: only next to a first name, or after a title or role word.
_WEAK_SURNAMES = """
mazur wróbel zając król wilk lis baran kot duda sowa kruk kos mróz kowal kula krupa ryba kaczor
kozioł bąk pająk żak wrona sroka mucha kania piątek kurek dudek sikora wieczorek chmiel zawada
wrzesień konieczny piekarz moroz koval lee white black brown green king wood hill hall young baker
cook turner walker wright bell ward price rose long stone fox hunt bush rich cole gray grey lane
west north church ford bird fisher hunter marsh moss park rice short cross golden may art do ly vu
bąk baran bednarz biel bober borek buczek burns butler carpenter carter chudy cieśla czech czerwiec
drozd dziedzic dzik fields figiel gil gołąb góra górka grant gruszka grzyb guzik hart huk kara karaś
kępa knight koc kocur kogut kopacz kot kozak krok kulik kupiec kwiatek kwiecień łabędź lach lam
łapa lasek łata lipa lipiec lisek łoś maj malec mason miazga mika miller mills mizera mleczko mól
moskal motyka mroczek musiał niedźwiedź niemiec ogórek orzeł owczarek palacz pałka paluch pasek
pokora polak porter potoczny ptak rak ray reed rogala rosół ross rybak rybka rzepka sadło sęk
skiba skóra śliwa słowik smoła śmietana sobota socha sołtys sosna stolarz stopa strzelec surma
szafran szczęsny szczygieł szewc szpak szwed szydło tokarz tran turek weaver wells wiatr wnuk wolf
wolny woods wrzos zbroja zięba żuk żurek żyła żyłka żołądź tylka koch kurt kaya polat tran vo
grzyb marek kula pluta kudła nalepa socha hajduk wach rataj lipa lis kos tyc das ho mai lam costa
das shah bose klein braun lange koch bauer silva santos hunt bonnet gallo bruno conti
domagała przybyła zalewa gawęda gałązka gąska kostrzewa kolasa kuś opala pyka trzaska waligóra kłos
kmieć nowik płonka rutka pęczek dobosz gąsior gawron głąb gała czaja kurzawa kujawa kulesza masłanka
siwek siwiec stanek szczurek świerczek żmuda wołek wilczek jaworek kaleta mirza popiel brooks
franklin freeman griffin lambert lynch perry pierce rogers sanders spencer stevens tucker warren
bailey cox cooper foster sims hicks mills wells fields burns
мороз коваль мельник
"""


def _folded(words: set[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


_first = set()
for _name in word_list(L.POLISH_FEMALE + L.POLISH_MALE + L.ENGLISH_FEMALE + L.ENGLISH_MALE + L.OTHER_FIRST):
    _first |= name_forms(_name)
for _name in word_list(L.EAST_SLAVIC_LATIN):
    _first |= name_forms(_name, declines_in_o=True)
_cyrillic = set()
for _name in word_list(L.CYRILLIC):
    _cyrillic |= cyrillic_forms(_name)
_first |= _cyrillic
_weak_first = set()
for _name in word_list(_WEAK_FIRST):
    if _name in _cyrillic:
        _weak_first |= cyrillic_forms(_name)
    else:
        _weak_first |= name_forms(_name) if _name in _first else {_name}
_surnames = set()
for _name in word_list(L.POLISH_SURNAMES + L.ENGLISH_SURNAMES + L.EAST_SLAVIC_SURNAMES + L.OTHER_SURNAMES):
    _surnames |= surname_forms(_name)
_weak_surnames = set()
for _name in word_list(_WEAK_SURNAMES):
    _weak_surnames |= surname_forms(_name)

#: Ordinary words that inflected names produce (checked against simplemma's Polish and English
#: dictionaries): "ani" (Ania), "mają" (Maja), "sama" (Sam), "idzie" (Ida), "rani" (Rania) …
_COLLISIONS = """
ani mają marka ale ole ida idy idzie idą ona ono lena lenie tomie toma tomy tomem tomów tomach samu
samą same samym samo sama samie kima kimie kimem rosa rosie rosy rosą wita witu wicie witem kuba
kuby kubie kubę kubą miła miły mile mila mili milą milę mai ali alę alą dana dany danie daną nora
norze rani rania ranie ranią nabil nabila nabilem jake luke taras tarasie tarasem tarasu stan
stanie stanowi stanowie stana tony ja jem marca marcu marcem maja leo kasie
"""
_COLLISION_WORDS = frozenset(fold(w) for w in word_list(_COLLISIONS + name_collisions.FORMS))
#: Month and weekday forms are never names ("do marca", "w piątek"); "maja" is handled by redaction.
MONTHS_AND_DAYS = frozenset(
    fold(w)
    for w in word_list("""
styczeń stycznia styczniu styczniem luty lutego lutym marzec marca marcu marcem kwiecień kwietnia
kwietniu maj maju majem czerwiec czerwca czerwcu lipiec lipca lipcu sierpień sierpnia sierpniu
wrzesień września wrześniu październik października październiku listopad listopada listopadzie
grudzień grudnia grudniu poniedziałek poniedziałku poniedziałki wtorek wtorku wtorki środa środy
środę środzie środą czwartek czwartku czwartki piątek piątku piątki sobota soboty sobotę sobocie
sobotą niedziela niedzieli niedzielę niedzielą january february march april june july august
september october november december monday tuesday wednesday thursday friday saturday sunday
feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
""")
)

#: Folded forms of first names that are rarely anything else; WEAK_FIRST_NAMES need context.
WEAK_FIRST_NAMES = (_folded(_weak_first) | (_folded(_first) & _COLLISION_WORDS)) - MONTHS_AND_DAYS | {"maja"}
FIRST_NAMES = _folded(_first) - WEAK_FIRST_NAMES - MONTHS_AND_DAYS
#: First names in their base form only (folded): "paulina", "piotr", not "romka" (Romek's genitive).
BASE_FIRST_NAMES = frozenset(
    fold(w)
    for w in word_list(
        L.POLISH_FEMALE + L.POLISH_MALE + L.ENGLISH_FEMALE + L.ENGLISH_MALE + L.OTHER_FIRST + L.EAST_SLAVIC_LATIN
    )
)
WEAK_SURNAMES = (_folded(_weak_surnames) | (_folded(_surnames) & _COLLISION_WORDS)) - FIRST_NAMES - MONTHS_AND_DAYS
SURNAMES = _folded(_surnames) - WEAK_SURNAMES - WEAK_FIRST_NAMES - MONTHS_AND_DAYS

# Capitalised words that are not names, whole (folded): places, institutions, brands, holidays,
# nationalities and languages, religions, English words often capitalised in the middle of a sentence.
_NOT_NAMES = """
i i'm im i've i'd i'll ok okay hi hello hey dear thanks thank please sorry help yes no
pan pani pana panu panem panie panią państwo państwa państwu państwem
bóg boga bogu bogiem boże bożego bożej jezus jezusa jezusem chrystus chrystusa maryja maryi allah
allaha budda god jesus christ lord prophet
miasto miasta mieście miastem rada rady radzie radę radą sąd sądu sądzie sądem rynek rynku rynkiem
stare starego starym stary starej nowa nowej nową nowy nowego nowym nowe huta huty hucie hutę
plac placu placem placów aleja aleje alei aleję alejach ulica ulicy ulicę dom domu domem domy
centrum praw prawa prawo pracy praca pracę dziecka dzieci pacjenta kobiet pomocy pomoc osób
dzień dnia dni święto święta świąt narodzenie narodzenia wielkanoc wielkanocy wigilia wigilii
nowy rok roku trzech króli niepodległości zaduszki andrzejki walentynki mikołajki
wisła wisły wiśle wisłę wisłą planty plant plantach wawel wawelu sukiennice sukiennicach
barbakan kopiec błonia błoniach zabłocie zabłociu kleparz kleparzu salwator ruczaj ruczaju
azory olsza tyniec tyńcu płaszów płaszowie bonarka bonarce bonarki tauron arena icewawel
kazimierzu podgórze podgórzu krowodrza krowodrzy bronowice bronowicach zwierzyniec zwierzyńcu
dębniki dębnikach łagiewniki łagiewnikach prokocim prokocimiu bieżanów bieżanowie czyżyny
czyżynach mistrzejowice bieńczyce grzegórzki grzegórzkach prądnik prądniku łobzów łobzowie
kurdwanów kurdwanowie swoszowice wola justowska justowskiej
uber ubera uberem uberze eats bolt bolta boltem glovo wolt allegro olx vinted netflix tiktok youtube whatsapp
telegram viber
signal teams zoom microsoft apple samsung iphone android windows linux google maps gmail outlook
facebook facebooku fb instagram instagramie insta messenger messengerze twitter linkedin
biedronka biedronce biedronki lidl lidlu żabka żabce żabki rossmann orlen ikea amazon amazonie
mcdonald's mcdonalds kfc starbucks carrefour auchan kaufland tesco empik decathlon media markt
bmw audi toyota skoda opel fiat volkswagen tesla honda hyundai kia mazda renault peugeot
lgbt lgbtq lgbt+ lgbtqia rodo gdpr covid ramadan ramadanu ramadanem ramadanie eid hanukkah chanuka
jom kipur pascha passover diwali christmas easter halloween
human rights city hall council office police court commissioner ombudsman labour labor code
inspectorate inspection ministry department university college school hospital clinic street
road square market main old town new foundation association equal treatment equality
multicultural information point foreigners social services insurance institution national
health fund tax revenue embassy consulate district municipal mayor government parliament
european union commission act constitution law article section chapter regulation directive
charter convention tribunal prosecutor guard border fire station church mosque synagogue
cathedral castle museum theatre theater gallery library park garden bridge river airport railway
bus tram centre center hr resources job legal aid citizens advice red cross caritas amnesty
international watch pride parade day eve week month year morning evening night
polish ukrainian russian belarusian english german italian spanish french irish scottish welsh
british american african asian european muslim jewish christian catholic orthodox protestant
roma romani gypsy black arab arabic turkish vietnamese chinese indian nigerian syrian kurdish
chechen jagiellonian cracovian traveller hindu sikh buddhist atheist erasmus
rzeczpospolita rp ue unia eu usa uk mazury mazurach mazurami iran iranu iranie irak iraku
azorach azorów azorami kurdwanów bieżanowa prokocimia ruczaju ruczajem duchackiej duchacka
fałęcki fałęckim kobierzyn kobierzynie skotniki skotnikach pychowice pychowicach przegorzały
mistrzejowicach bieńczycach pleszów pleszowie kantorowice witkowice krzesławice krzesławickie
ludwinów ludwinowie zakrzówek zakrzówku kliny klinach półwsie dąbie dąbiu rakowice
rakowicach wieczysta wieczystej olszyny olszynach złocień złocieniu kurdwanowie swoszowicach
tonie toniach opatkowice opatkowicach libertów libertowie nowa huta nowej hucie
finlandia finlandii finka fin fina finów chiny chin chinach chinami dunka duńczyk
poland ukraine russia belarus germany italy spain france ireland scotland wales england britain
america canada australia india pakistan bangladesh china japan korea vietnam georgia armenia
azerbaijan kazakhstan turkey syria iraq iran afghanistan egypt morocco tunisia algeria nigeria
ghana kenya ethiopia eritrea somalia sudan congo cameroon senegal brazil mexico colombia venezuela
argentina peru chile cuba israel palestine lebanon jordan europe asia africa kraków krakow cracow
warsaw lviv kyiv kiev kharkiv odesa odessa moldova romania hungary slovakia czechia lithuania
latvia estonia sweden norway denmark finland netherlands belgium austria switzerland portugal
greece serbia croatia bulgaria albania kosovo bosnia
mondays tuesdays wednesdays thursdays fridays saturdays sundays weekend weekends downa aspergera
główny głównym główna głównej podstawowa podstawowej podstawowym jagielloński jagiellońskiego
jagiellońskim ekonomiczny ekonomicznego pedagogiczny pedagogicznego rolniczy rolniczego
medyczny medycznego techniczny technicznego wojewódzki wojewódzkiego
english speaking whatsapp viber signal messenger google
"""

# Beginnings of capitalised words that are not names (folded): Kraków and its institutions,
# Polish offices, countries, nationalities, religions and languages, in any case or form.
_NOT_NAME_STEMS = """
carita wigili balic sanepid medicover luxmed enel messeng telegram zoom revolut blik kolej zarzad
spoldziel administrac wspolnot budynk komunaln mieszkaniow spoldz radni rady sadu sadzie prokur
tauron pgnig mpwik mpec veolia orange play plus t-mobil vectra upc inea netia allegr olx booking
airbnb revolut paypal ryanair wizz flixbus polregio intercity koleje wojsk zandarm sanatori hospic
przychodn ambulator pogotow ratownic medicov enel luxmed
україн украин києв кієв польщ польш польськ краків краков київ киев львів львов харків харьков одес дніпр
днепр росі росс москв варшав европ європ німеч герман біларус белорус грузі америк
krak cracow urzad urzed gmin komend komisariat polic straz szpital przychodn centr osrod fundac
stowarzysz uniwersyt akadem politechn szkol przedszkol zlobk zlobek kultur bibliotek muzeum
muze teatr koscio cerkw cerkiew meczet synagog parafi dworc dworzec galeri rzeczni obywatel
inspekc inspektor panstw zaklad ubezpiecz spoleczn interwenc kryzys wojewod wojewodz prezyden
marszal minist kodeks konstytuc ustaw biur wydzial departam punkt nieodplat prawn dzielnic
wielokult obcokraj prokurat sejm senat trybunal europ miejsk mogilsk grunwaldzk rondzi rond


ukrain polak polk polsk polsc niem rosj rosyj rosjan bialorus gruzi gruzin wietnam afryk afryc
amery angl angiel irland szkoc czech czesk slowac wegr wegier litw lotw estoni rumun moldaw
turc turek turk syri syryj afgan kolumb brazyl meksyk japon kore hindus pakist
banglad egip marok tunez algier nigeri kongo etiop erytre somal sudan keni ghan kamerun senegal
kanad australi izrael palesty armen ormian azerb kazach uzbek tadzyk kirgi czeczen arab zyd
roms romow romom romach romami cygan murzyn muzulm katol prawosl ewangel protestan buddy ateist
chrzesc islam judai jehow swiadk hiszpan wloch wlosk francu francj portugal grec grek holend
belg szwec szwed norweg finl estoń lotysz litwin bulgar serb chorwa slowen austri
szwajc warszaw wroclaw gdansk gdyn poznan lodz katowic lublin rzesz tarnow sacz zakopan wielicz
skawin niepolom oswiec wadowic bochn myslenic olkusz chrzanow kielc czestoch bielsk gliwic
szczecin bydgoszcz torun bialyst opol olsztyn radom sosnowc malopol slask mazowsz podhal
tatr pomorz podkarpac swietokrzy lubelsk lubusk podlas kujaw warmin zachodniopom dolnoslas
lwow lviv kyiv kiev kijow charkow kharkiv odes dnipr berlin london dublin manchester leeds paris
parys wiedn wieden praga pradze budapeszt wilno wilni
"""

#: Beginnings of Polish adjectives that end like surnames (-ski, -cki, -dzki): "polski", "Miejski" …
_NOT_SURNAME_STEMS = """
polsk angielsk niemieck francusk rosyjsk ukraińsk białorusk czesk słowack węgiersk litewsk
łotewsk estońsk włosk hiszpańsk portugalsk greck tureck arabsk żydowsk romsk cygańsk afrykańsk
amerykańsk azjatyck europejsk chińsk japońsk wietnamsk indyjsk gruzińsk ormiańsk czeczeńsk
syryjsk afgańsk kurdyjsk nigeryjsk brytyjsk irlandzk szkock holendersk belgijsk szwedzk norwesk
duńsk fińsk rumuńsk bułgarsk serbsk chorwack słoweńsk austriack szwajcarsk kanadyjsk meksykańsk
brazylijsk argentyńsk australijsk kolumbijsk mołdawsk kazachsk uzbeck tatarsk słowiańsk
miejsk wiejsk krakowsk warszawsk małopolsk śląsk wielkopolsk podkarpack świętokrzysk łódzk
wrocławsk gdańsk gdyńsk szczecińsk katowick nowosądeck podhalańsk zakopiańsk wielick nowohuck
podgórsk krowodersk kazimiersk dębnick prądnick zwierzynieck bronowick czyżyńsk bieżanowsk
łagiewnick kleparsk salwatorsk wawelsk tynieck floriańsk grodzk szewsk sławkowsk karmelick
mogilsk kalwaryjsk opolsk mikołajsk franciszkańsk dominikańsk podlask lubusk kujawsk warmińsk
zachodniopomorsk dolnośląsk wojewódzk ludzk męsk żeńsk obywatelsk lekarsk pielęgniarsk
nauczycielsk studenck uczniowsk akademick uniwersyteck sąsiedzk przyjacielsk małżeńsk ojcowsk
macierzyńsk rodzicielsk partnersk prezydenck królewsk cesarsk papiesk chrześcijańsk katolick
greckokatolick protestanck muzułmańsk islamsk buddyjsk hinduisk cerkiewsk niebiańsk diabelsk
ziemsk morsk niebiesk nisk blisk ślisk wąsk płask grząsk bosk pańsk desk trosk wiosk mask lask
łask misk pask kieck alask nebrask rusk mińsk płock słupsk smoleńsk donieck ługańsk kramatorsk
kursk omsk tomsk murmańsk brańsk płońsk kamieńsk kołobrzesk jagiellońsk rzymsk atlantyck bałtyck
radzieck sowieck bolszewick hutnick górnick
"""

NOT_NAMES = frozenset(fold(w) for w in word_list(_NOT_NAMES + places.WORDS)) | MONTHS_AND_DAYS
NOT_NAME_STEMS = tuple(sorted({fold(w) for w in word_list(_NOT_NAME_STEMS + places.STEMS)}))
NOT_SURNAME_STEMS = frozenset(fold(w) for w in word_list(_NOT_SURNAME_STEMS))

#: Words after which a capitalised word, or a lower-case one that looks like a name, is a person:
#: titles and forms of address (TITLES; after the English ones any word is a name: "mrs green"),
#: roles and relations (ROLES), and phrases that introduce a name (NAMING, any word after them).
ENGLISH_TITLES = frozenset(["mr", "mrs", "ms", "miss", "mx", "sir", "madam"])
TITLES = ENGLISH_TITLES | frozenset(
    fold(w)
    for w in word_list("""
pan pana panu panem panie pani panią państwo państwa państwu dr doktor doktora doktorem doktorowi
doktorka prof profesor profesora profesorem profesorka profesorki mgr inż hab ks ksiądz księdza
mec mecenas mecenasa sędzia sędziego sędzina dyr insp asp sierż kom nadkom podkom
""")
)
ROLES = frozenset(
    fold(w)
    for w in word_list("""
szef szefa szefem szefowi szefie szefowa szefowej szefową szefowe kierownik kierownika kierownikiem
kierownikowi kierowniczka kierowniczki kierowniczką kierowniczce dyrektor dyrektora dyrektorem
dyrektorowi dyrektorka dyrektorki dyrektorką prezes prezesa prezesem prezeska brygadzista
brygadzisty brygadzistą majster majstra zarządca zarządcy zarządczyni administrator administratorka
sąsiad sąsiada sąsiadem sąsiadowi sąsiadka sąsiadki sąsiadką sąsiadce sasiad sasiadka kolega
kolegi kolegą koledze koleżanka koleżanki koleżanką koleżance kolezanka współpracownik
współpracownika współpracowniczka wspólnik wspólnika wspólniczka znajomy znajomego znajoma
znajomej znajomą przyjaciel przyjaciela przyjaciółka przyjaciółki mąż męża mężem mężowi żona żony
żoną żonie partner partnera partnerem partnerka partnerki partnerką chłopak chłopaka chłopakiem
dziewczyna dziewczyny dziewczyną narzeczony narzeczonego narzeczona narzeczonej były byłego
brat brata bratem siostra siostry siostrą syn syna synem synek córka córki córką córeczka ojciec
ojca matka matki teść teścia teściowa teściowej wujek wujka ciocia cioci babcia babci dziadek
dziadka kuzyn kuzyna kuzynka kuzynki szwagier szwagra szwagierka bratowa nauczyciel nauczyciela
nauczycielka nauczycielki wychowawca wychowawcy wychowawczyni pedagog pedagożka lekarz lekarza
lekarka lekarki pielęgniarka pielęgniarki trener trenera trenerka właściciel właściciela
właścicielka właścicielki wynajmujący dozorca ochroniarz ochroniarza policjant policjanta
policjantka funkcjonariusz urzędnik urzędnika urzędniczka sprzedawca sprzedawczyni kadrowa
kierowca kierowcy promotor promotora promotorka prowadzący prowadząca radny radnego radna adwokat
adwokatka radca prokurator komornik komornika wójt burmistrz sołtys proboszcz pastor imam rabin
landlord landlady boss manager supervisor neighbour neighbor colleague coworker co-worker husband
wife boyfriend girlfriend partner ex fiance fiancé fiancee brother sister son daughter father
mother mum mom dad uncle aunt cousin grandmother grandfather grandma grandpa friend teacher tutor
flatmate roommate housemate tenant doctor nurse officer director professor coach lecturer
principal headteacher employer owner agent caretaker janitor guard driver recruiter clerk host
vlasnyk vlasnytsia vlasnyka kadrova odnoklasnyk odnoklasnytsia susid susidka susida nachalnyk
nachalnik kerivnyk kerivnytsia brygadyr vchytel vchytelka likar likarka sosed soseda sosedka
khoziain hoziain hozyain khoziaika rukovoditel direktor direktorka master cholovik muzh druh
koordynator koordynatorka przełożony przełożona przełożonej pośredniczka pośrednik recepcjonista
recepcjonistka rejestratorka kontroler kontrolerka kucharz kelner kelnerka ratownik opiekun opiekunka
""")
)
NAMING = frozenset(
    fold(w)
    for w in word_list("""
imię imieniu imie imieniem nazwisko nazwiska nazwiskiem nazwisku nazywa nazywam nazywała nazywał
named called niejaki niejaka niejakiego niejakiej
""")
)
