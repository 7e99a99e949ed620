"""People's names as data for redaction: common first names (Polish, English, Ukrainian and Russian in
Latin letters, a few others), frequent surnames, their Polish inflected forms, and the capitalised
words that are not names (places, institutions, months, nationalities) — all folded (ł→l, ą→a)."""

from __future__ import annotations

from bot.core.text import fold

_POLISH_FEMALE = """
ada adela adrianna agata agnieszka aldona aleksandra alicja alina amelia anastazja aneta angelika
ania anita anna antonina asia aurelia barbara basia beata bogdana bogna bogumiła bogusława bożena
bronisława cecylia celina czesława danuta daria dominika dorota dorotka edyta eliza elwira elżbieta
emilia ewa ewelina ewka felicja franciszka gabriela genowefa gosia grażyna halina hania hanna
helena henryka hildegarda honorata iga ilona irena irmina iwona iza izabela jadwiga janina joanna
jola jolanta józefa judyta julia julita justyna kamila karina karolina kasia katarzyna kaśka kazimiera
kinga klara klaudia kornelia krysia krystyna ksenia laura lena leokadia lidia liliana lucyna ludmiła
łucja magda magdalena maja malwina małgorzata małgosia marcelina marianna mariola marta martyna
marzena michalina milena mirosława monika nadia natalia natalka nikola nina ola oliwia otylia patrycja
paula paulina pola regina renata roksana romana rozalia sabina sandra sara stanisława stefania sylwia
szymona tamara teresa urszula ula wanda weronika wiesława wiktoria wioletta władysława zdzisława
zofia zosia zuzanna zuzia żaneta agusia anka aśka baśka bogusia danka dagmara gośka halinka irenka
jagna julka kasieńka madzia marysia monia ulka wiesia wika zenona bernadeta brygida emma ewunia gizela
aurora kalina jagoda amanda weronka
"""

_POLISH_MALE = """
adam adrian albert aleksander alfred alojzy andrzej antoni arkadiusz artur bartłomiej bartosz
benedykt bernard błażej bogdan bogumił bogusław bolesław bronisław bruno cezary czesław damian daniel
dariusz dawid dominik edmund edward emil eryk eugeniusz fabian feliks filip franciszek fryderyk
gabriel gerard grzegorz gustaw henryk hubert ignacy igor ireneusz jacek jakub jan janusz jarosław
jerzy joachim józef julian juliusz kacper kajetan kamil karol kazimierz konrad kornel krystian
krzysztof ksawery leon leonard leszek lucjan ludwik łukasz maciej maksymilian marceli marcin marek
marian mariusz mateusz maurycy michał mieczysław mikołaj miłosz mirosław natan nikodem norbert
oliwer olaf oskar patryk paweł piotr przemysław radosław rafał remigiusz robert roman rudolf ryszard
sebastian seweryn sławomir stanisław stefan szczepan szymon tadeusz teodor tobiasz tomasz tymon
tymoteusz wacław waldemar walenty wiesław wiktor wincenty witold władysław włodzimierz wojciech
zbigniew zdzisław zenon zygmunt tomek wojtek bartek maciek kuba staś stasiek staszek janek jasiek
jaś franek antek olek piotrek krzysiek grzesiek przemek darek mirek zbyszek rysiek heniek józek tadek
władek wiesiek jurek romek zenek edek radek sławek jarek irek czarek arek szymek kazik mietek felek
bolek lolek witek adaś kamilek michałek pawełek mati seba leszek dominiczek zdzisiek marcinek
oliwier aleks alan alex ernest iwo jeremi borys kryspin lech marceli maks
"""

_ENGLISH_FEMALE = """
mary patricia jennifer linda elizabeth susan jessica sarah karen lisa nancy betty margaret ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon cynthia
kathleen amy angela shirley brenda pamela nicole helen samantha katherine christine debra rachel
carolyn janet catherine heather diane julie olivia joyce virginia victoria kelly lauren christina
joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria ann sara madison frances
kathryn janice abigail alice judy sophia denise doris marilyn danielle beverly isabella theresa
diana natalie brittany charlotte marie kayla alexis lori chloe sophie lucy ella mia isla ava
freya molly ellie katie kate rosie millie evie harriet imogen phoebe scarlett zoe megan bethany abby
becky jenny jen liz beth jo pam meg peggy wendy tracy stacey gemma kirsty leah caitlin niamh siobhan
aoife claire clare fiona emma louise rachael jane jill joanne susie tina tanya vicky nora maggie
eleanor lydia naomi ruth esther rebekah jasmine kylie courtney brooke paige amelia georgina
"""

_ENGLISH_MALE = """
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
gregory alexander patrick raymond dennis jerry tyler aaron jose nathan henry zachary douglas peter
kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan
arthur lawrence jordan jesse bryan billy bruce logan alan juan albert willie elijah wayne randy
vincent mason roy ralph bobby russell bradley philip eugene harry oliver jake luke liam lucas owen
connor callum jamie charlie alfie freddie archie oscar leo theo finn toby ben tim dan steve mike
dave chris matt andy pete tony jim jimmy johnny danny joey eddie fred greg jeff josh jon phil ron
stan stuart vic zack alex joe kevin neil nigel simon trevor colin graham gavin craig darren dean
declan ciaran conor seamus liam rory niall shaun barry derek kieran lewis reece kyle jordan aidan
"""

# Ukrainian and Russian names in Latin letters, transliterated the English and the Polish way.
_EAST_SLAVIC = """
oleksandr oleksii oleksiy andrii andriy serhii serhiy volodymyr dmytro mykola vasyl taras bohdan yurii
yuriy ihor oleh maksym artem denys vitalii vitaliy yaroslav petro ivan pavlo mykhailo anatolii
valentyn vadym ruslan stepan yevhen yevhenii hryhorii fedir kostiantyn illia nazar danylo yehor
kyrylo matvii tymofii rostyslav sviatoslav zakhar orest ostap lev ivanna olena oksana iryna nataliia
tetiana tetyana yuliia yulia svitlana anastasiia dariia kateryna khrystyna halyna liudmyla larysa
nadiia valentyna viktoriia mariia sofiia yana inna lesia zoriana solomiia olha liubov zoia alla
ulyana uliana yaryna oleksandra maryna snizhana lilia yevheniia aleksandr aleksei alexey dmitri
dmitry dmitrii sergei sergey andrei andrey mikhail nikolai nikolay vladimir yevgeny evgeny evgenii
pavel yuri yury oleg maxim artyom vitaly konstantin anatoly gennady leonid valery vyacheslav
grigory fyodor timur kirill nikita ilya yegor egor anton semyon arseny matvey timofey olga tatiana
tatyana natalya irina svetlana yelena elena ekaterina yekaterina marina galina lyudmila ludmila
anastasia nadezhda lyubov larisa valentina zoya sveta katya masha dasha natasha sasha olya tanya
anya nastya yulya galya lyuba zhenya kseniya polina alyona alena darya valeriya
ołeksandr ołeksij andrij serhij wołodymyr mykoła wasyl jurij ołeh witalij jarosław pawło mychajło
anatolij wałentyn wadym rusłan jewhen hryhorij kostiantyn danyło jehor kyryło tymofij rostysław
ołena natalija tetiana julija swiatłana switłana swietłana anastasija daryna chrystyna ludmyła
łarysa nadija wałentyna wiktorija marija sofija łesia zorjana sołomija olha lubow hanna ulana jaryna
ołeksandra sasza misza masza dasza natasza katia tania nastia olia ludmiła walentyna
siergiej aleksiej dmitrij andriej nikołaj władimir jewgienij pawieł jurij oleg ilja
"""

# Other names residents of Kraków often have: Arabic, Turkish, Persian, South Asian, Vietnamese,
# West African, Georgian, Belarusian, Italian, Spanish, German and French.
_OTHER = """
mohammed muhammad mohamed ahmed ahmad omar yusuf youssef hassan hussein mustafa khalid karim amir
ibrahim ismail hamza bilal tariq rashid samir nabil walid fatima aisha aisza aysha layla leila zainab
mariam maryam amina yasmin nour noor salma hana huda rania mehmet emre burak cem elif ayşe zeynep
merve reza ali mehdi arash darius parisa shirin priya anjali pooja raj rahul arjun vikram sanjay
ravi amit deepak sunita kavita lakshmi nguyen ngozi chinedu emeka oluwaseun tunde kofi kwame
giorgi nino tamar levan irakli luca marco giuseppe giovanni francesco alessandro matteo giulia
chiara francesca alessia carlos jorge diego javier pablo miguel alejandro lucia carmen pilar
sofia isabel klaus jürgen stefan hans wolfgang lukas jonas ursula sabine pierre jean-pierre
françois louis camille chloé manon élodie aliaksandr siarhei uladzimir zmicier nasta
"""

# Names that are also ordinary words or places: they need a capital letter away from a sentence
# start, or a title or role word before them ("pan Kazimierz", "my boss Mark").
_WEAK_FIRST = """
will may june april august mark bill rose grace hope faith joy art frank jack ray dawn summer violet
lily iris ruby amber pearl sunny guy rich sue pat chase drew gene sky max dean tom sam nick don jean
bob rob ken kim ali ida ala dana mila lila róża malina kalina jagoda wiara kuba sylwester kazimierz
kazimierza kazimierzu mikołaj oskar lew wit mają ani roman georgia holly ivy daisy hana ale ole iwo
miles hunter carter jordan christian oliwer lech marka franka maja mai nadia nastia alla lesia vera
viktor victor sofia jasmine penny misty sandy cliff glen heath
"""

# Frequent surnames that no suffix rule (-ski, -cki, -wicz, -enko …) recognises.
_SURNAMES = """
nowak wójcik kowalczyk woźniak kaczmarek krawczyk adamczyk pawlak walczak michalak szewczyk pietrzak
marciniak włodarczyk kaźmierczak sobczak cieślak szymczak szulc błaszczyk szczepaniak kaczmarczyk
kubiak wieczorek stępień jaworek bednarek kowalewski jasiak zalewska przybylska laskowska wawrzyniak
grabiec pawełczak olejnik stachowiak nowicka sadowska majchrzak piekarz ostrowski dudek górecki
michalik jędrzejczak witkowski mazurek kozieł banaś kurek leśniak wójtowicz sikora malinowski
kołodziej kasprzak wasiak zawada milczarek czerwiński mikołajczyk wrzesień kwiatkowski ziółkowski
tomczak szymański grzelak jankowiak kurzawa frankowski chmiel maciejewska marczak konieczny
smith johnson williams jones miller davis wilson taylor anderson thomas jackson harris martin
thompson garcia martinez robinson rodriguez lewis lee walker allen hernandez wright scott adams
nelson mitchell roberts campbell evans edwards collins stewart morris rogers cook morgan cooper
peterson bailey reed kelly howard cox richardson watson brooks sanders bennett patel murphy
o'connor o'brien o'neill mcdonald macdonald fitzgerald davies hughes jenkins owen griffiths
thomson johnston hamilton graham murray robertson ferguson sullivan kennedy doyle byrne ryan
walsh quinn gallagher mccarthy brennan duffy clarke barnes fisher henderson hughes ellis
shevchenko kovalenko bondarenko tkachenko kravchenko boyko melnyk kovalchuk oliynyk shevchuk
polishchuk lysenko marchenko rudenko savchenko petrenko moroz pavlenko koval hnatiuk romanenko
szewczenko kowalenko tkaczenko krawczenko bojko kowalczuk olijnyk szewczuk poliszczuk łysenko
petrenko pawlenko kuznetsov ivanov smirnov popov vasiliev petrov sokolov mikhailov novikov fedorov
morozov volkov alekseev lebedev semenov egorov pavlov kozlov stepanov nikolaev orlov andreev
makarov nikitin zakharov iwanow smirnow popow wasiliew pietrow sokołow nowikow fiodorow morozow
wołkow nguyen tran pham hoang phan vu dang bui do ngo duong ly yilmaz kaya demir şahin çelik
öztürk aydın özdemir arslan doğan khan hussain rahman ahmed singh kumar sharma gupta okafor
okonkwo adeyemi mensah beridze kapanadze gelashvili rossi russo ferrari esposito bianchi romano
müller schmidt schneider fischer weber meyer wagner becker schulz hoffmann dubois lefebvre
moreau laurent
"""

# Surnames that are also ordinary words: only next to a first name, or after a title or role word.
_WEAK_SURNAMES = """
mazur wróbel zając król wilk lis baran kot duda sowa kruk kos mróz kowal kula krupa ryba kaczor
kozioł bąk pająk żak wrona sroka mucha kania piątek kurek dudek sikora wieczorek chmiel zawada
wrzesień konieczny piekarz moroz koval lee white black brown green king wood hill hall young baker
cook turner walker wright bell ward price rose long stone fox hunt bush rich cole gray grey lane
west north church ford bird fisher hunter marsh moss park rice short cross golden may art do ly vu
"""


def _tokens(block: str) -> list[str]:
    return block.split()


def _soften_loc(stem: str) -> str:
    """The locative/dative ending 'e' of a hard stem: Piotr → Piotrze, Anna → Annie, Marta → Marcie."""
    for tail, repl in (("st", "ście"), ("zd", "ździe"), ("sł", "śle"), ("sn", "śnie"), ("zn", "źnie"),
                       ("r", "rze"), ("ł", "le"), ("t", "cie"), ("d", "dzie"), ("n", "nie"), ("m", "mie"),
                       ("w", "wie"), ("f", "fie"), ("b", "bie"), ("p", "pie"), ("s", "sie"), ("z", "zie"),
                       ("k", "ce"), ("g", "dze"), ("ch", "sze")):
        if stem.endswith(tail):
            return stem[: -len(tail)] + repl
    return stem + "u"


_SOFT_BEFORE_K = (("si", "ś"), ("ni", "ń"), ("zi", "ź"), ("ci", "ć"), ("dzi", "dź"))
_HARD_U = ("k", "g", "ch", "sz", "cz", "rz", "ż", "c", "j", "l", "dź", "x", "h")


def _consonant_stem_forms(stem: str, plain: bool = True) -> set[str]:
    """Masculine forms on a consonant stem: Piotra, Piotrowi, Piotrem, Piotrze, Piotrowie, Piotrów."""
    velar = stem.endswith(("k", "g"))
    out = {stem + "a", stem + "owi", stem + ("iem" if velar else "em"), stem + "owie", stem + "ów",
           stem + "om", stem + "ami", stem + "ach"}
    out.add(stem + "u" if stem.endswith(_HARD_U) else _soften_loc(stem))
    if plain:
        out.add(stem + "u")
    return out


def masculine_forms(base: str) -> set[str]:
    """Polish case forms of a masculine name or surname ending in a consonant, -y/-i or -o."""
    out = {base}
    if base.endswith("ek") and len(base) > 3:               # Tomek → Tomka, Krzysiek → Krzyśka
        stem = base[:-2]
        for soft, hard in _SOFT_BEFORE_K:
            if stem.endswith(soft):
                stem = stem[: -len(soft)] + hard
                break
        return out | _consonant_stem_forms(stem + "k")
    if base.endswith("eł"):                                 # Paweł → Pawła, Pawle
        return out | _consonant_stem_forms(base[:-2] + "ł")
    if base.endswith("ień"):                                # Stępień → Stępnia
        return out | {base[:-3] + "ni" + e for e in ("a", "owi", "em", "u", "owie", "ów")}
    if base.endswith("el") and len(base) > 4:               # Wróbel → Wróbla
        out |= _consonant_stem_forms(base[:-2] + "l")
    if base.endswith(("ś", "ń", "ź", "ć")):                 # Staś → Stasia, Stasiem
        stem = base[:-1] + {"ś": "si", "ń": "ni", "ź": "zi", "ć": "ci"}[base[-1]]
        return out | {stem + e for e in ("a", "owi", "em", "u", "owie", "ów")}
    if base.endswith("y") and not base.endswith(("ey", "ay", "oy")):   # Jerzy → Jerzego, Jerzym
        return out | {base[:-1] + "ego", base[:-1] + "emu", base + "m"}
    if base.endswith("i") and len(base) > 3 and base[-2] not in "aeiouy":  # Antoni → Antoniego
        return out | {base + "ego", base + "emu", base + "m"}
    if base.endswith("o"):                                  # Dmytro → Dmytra, Dmytrem
        return out | _consonant_stem_forms(base[:-1])
    if base[-1] in "aeiouyąęó":
        return out
    return out | _consonant_stem_forms(base)


def feminine_forms(base: str) -> set[str]:
    """Polish case forms of a name ending in -a: Anna → Anny, Annie, Annę, Anną, Anno; Kasia → Kasi, Kasiu."""
    stem = base[:-1]
    out = {base, stem + "ę", stem + "ą", stem + "o"}
    if stem.endswith("i"):                                  # Kasia → Kasi; Natalia → Natalii
        return out | {stem, stem + "i", stem + "u"}
    if stem.endswith("j"):                                  # Maja → Mai, Maji; Patrycja → Patrycji
        out.add(stem + "i")
        if len(stem) > 1 and stem[-2] in "aeiouy":
            out.add(stem[:-1] + "i")
        return out | {stem + "u"}
    if stem.endswith("l"):                                  # Ola → Oli, Olu
        return out | {stem + "i", stem + "u"}
    if stem.endswith(("k", "g")):                           # Agnieszka → Agnieszki, Agnieszce
        return out | {stem + "i", _soften_loc(stem)}
    if stem.endswith(("sz", "cz", "rz", "ż", "c", "dz")):   # Natasza → Nataszy
        return out | {stem + "y", stem + "u"}
    return out | {stem + "y", _soften_loc(stem)}


def name_forms(base: str, declines_in_o: bool = False) -> set[str]:
    """Every inflected form of a name, as written (lower case); -o names only when `declines_in_o`."""
    if len(base) < 3 or base.endswith("o") and not declines_in_o:
        return {base}
    if base.endswith("a"):
        return feminine_forms(base)
    if base[-1] in "eiouy" and not base.endswith(("ek", "y", "o")):
        return {base} | (masculine_forms(base) if base.endswith("i") else set())
    return masculine_forms(base)


def surname_forms(base: str) -> set[str]:
    """Surname forms: the name's cases plus a wife's and a daughter's (Nowakowa, Nowakówna)."""
    out = name_forms(base)
    if base[-1] not in "aeiouyąęó":
        stem = base[:-2] + "k" if base.endswith("ek") else base
        out |= {stem + e for e in ("owa", "owej", "ową", "ówna", "ówny", "ównej", "ówną")}
    return out


def _folded(words: set[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


_first = set()
for _name in _tokens(_POLISH_FEMALE + _POLISH_MALE + _ENGLISH_FEMALE + _ENGLISH_MALE + _OTHER):
    _first |= name_forms(_name)
for _name in _tokens(_EAST_SLAVIC):
    _first |= name_forms(_name, declines_in_o=True)
_weak_first = set()
for _name in _tokens(_WEAK_FIRST):
    _weak_first |= name_forms(_name) if _name in _first else {_name}
_surnames = set()
for _name in _tokens(_SURNAMES):
    _surnames |= surname_forms(_name)
_weak_surnames = set()
for _name in _tokens(_WEAK_SURNAMES):
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
_COLLISION_WORDS = frozenset(fold(w) for w in _tokens(_COLLISIONS))
#: Month and weekday forms are never names ("do marca", "w piątek"); "maja" is handled by redaction.
MONTHS_AND_DAYS = frozenset(fold(w) for w in _tokens("""
styczeń stycznia styczniu styczniem luty lutego lutym marzec marca marcu marcem kwiecień kwietnia
kwietniu maj maju majem czerwiec czerwca czerwcu lipiec lipca lipcu sierpień sierpnia sierpniu
wrzesień września wrześniu październik października październiku listopad listopada listopadzie
grudzień grudnia grudniu poniedziałek poniedziałku poniedziałki wtorek wtorku wtorki środa środy
środę środzie środą czwartek czwartku czwartki piątek piątku piątki sobota soboty sobotę sobocie
sobotą niedziela niedzieli niedzielę niedzielą january february march april june july august
september october november december monday tuesday wednesday thursday friday saturday sunday
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
"""))

#: Folded forms of first names that are rarely anything else; WEAK_FIRST_NAMES need context.
WEAK_FIRST_NAMES = (_folded(_weak_first) | (_folded(_first) & _COLLISION_WORDS)) - MONTHS_AND_DAYS | {"maja"}
FIRST_NAMES = _folded(_first) - WEAK_FIRST_NAMES - MONTHS_AND_DAYS
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
uber eats bolt glovo wolt allegro olx vinted netflix tiktok youtube whatsapp telegram viber
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
finlandia finlandii finka fin fina finów chiny chin chinach chinami dunka duńczyk
"""

# Beginnings of capitalised words that are not names (folded): Kraków and its institutions,
# Polish offices, countries, nationalities, religions and languages, in any case or form.
_NOT_NAME_STEMS = """
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

NOT_NAMES = frozenset(fold(w) for w in _tokens(_NOT_NAMES)) | MONTHS_AND_DAYS
NOT_NAME_STEMS = tuple(sorted({fold(w) for w in _tokens(_NOT_NAME_STEMS)}))
NOT_SURNAME_STEMS = frozenset(fold(w) for w in _tokens(_NOT_SURNAME_STEMS))

#: Words after which a capitalised word, or a lower-case one that looks like a name, is a person:
#: titles and forms of address (TITLES; after the English ones any word is a name: "mrs green"),
#: roles and relations (ROLES), and phrases that introduce a name (NAMING, any word after them).
ENGLISH_TITLES = frozenset("mr mrs ms miss mx sir madam".split())
TITLES = ENGLISH_TITLES | frozenset(fold(w) for w in _tokens("""
pan pana panu panem panie pani panią państwo państwa państwu dr doktor doktora doktorem doktorowi
doktorka prof profesor profesora profesorem profesorka profesorki mgr inż hab ks ksiądz księdza
mec mecenas mecenasa sędzia sędziego sędzina dyr insp asp sierż kom nadkom podkom
"""))
ROLES = frozenset(fold(w) for w in _tokens("""
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
principal headteacher employer owner agent caretaker janitor guard driver
"""))
NAMING = frozenset(fold(w) for w in _tokens("""
imię imieniu imie imieniem nazwisko nazwiska nazwiskiem nazwisku nazywa nazywam nazywała nazywał
named called niejaki niejaka niejakiego niejakiej
"""))
