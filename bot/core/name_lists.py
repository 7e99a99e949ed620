"""Base forms of common first names and surnames (Polish, English, East Slavic and others) for redaction."""

# Polish female first names and their diminutives.
POLISH_FEMALE = """
ada adela adelajda adriana adrianna agata agnieszka aldona aleksandra alicja alina amalia amelia
anastazja andżelika aneta angela angelika angelina ania anita anna antonina apolonia ariadna arleta
asia aurelia balbina barbara basia beata benedykta berenika bernadeta bianka bogdana bogna bogumiła
bogusława bożena bronisława brygida cecylia celina czesława dagmara danuta daria diana dominika
dorota edyta eleonora eliza elwira elżbieta emilia ewa ewelina fabiola felicja franciszka gabriela
genowefa gertruda grażyna halina hanna helena henryka hildegarda honorata iga ilona irena irmina iwona
izabela izabella izydora jadwiga janina jolanta józefa judyta julia julianna julita justyna kaja
kamila karina karolina katarzyna kazimiera kinga klara klaudia kleopatra konstancja kornelia krystyna
ksenia lara laura lena leokadia leontyna liliana lucyna ludmiła ludwika łucja magdalena maja malwina
małgorzata marcelina maria marianna mariola marlena marta martyna marzena matylda melania michalina
milena mira mirella mirosława monika nadia natalia natasza nikola nikoletta nina oktawia olga oliwia
otylia pamela patrycja paula paulina pelagia regina renata roksana romana rozalia rozalinda sabina
sandra sara stanisława stefania sylwia szarlota tamara teodora teresa tekla urszula wacława waleria
walentyna wanda weronika wiesława wiktoria wioletta wiola władysława zdzisława zenona zofia zuzanna
żaneta aniela blanka dobrawa dobrosława florentyna gaja hortensja iwa jagna joanna józefina kalina
lilianna liwia luiza łucja maryla miłosława nela oriana pola sonia sylwana tola wiwiana zyta
emma alina adelina adela albina anastazja antonia aurora bożenna danusia edwarda eugenia flora
gracja halszka idalia iwetta jana janka jowita kazimiera klementyna kornela lidia lilia lucja
mariana marzanna nadzieja nikolina olimpia romualda salomea sebastiana seweryna sławomira tatiana
wiktorina zenobia żaklina ilona fryderyka alfreda wirginia
ania anka aneczka anusia asia asieńka aśka basia baśka basieńka beatka bożenka bogusia danka danusia
dorotka edzia ela elka ewka ewunia ewcia gabrysia gosia gośka halinka hania hanka hanusia irenka
iwonka iza izka jadzia jadźka jagoda jola jolka joasia julka juleczka kasia kaśka kasieńka kasiunia
kinia klaudynka krysia kryśka lenka lusia madzia magda marysia marynia maryśka monia monisia natalka
ola oleńka olka patka paulinka renatka roma rózia staszka stasia tereska ula ulka urszulka wanda
weronka werka wercia wiesia wika wiki zosia zośka zuzia zuźka ewelinka karolcia martusia agusia
agatka alusia amelka antosia antośka blania bogna hela helenka kamilka laurka lilka majka mela
milenka nikolka oliwka polcia sylwka tosia wiktorka zuzka grażynka janeczka danka
"""

POLISH_MALE = """
adam adolf adrian albert aleksander aleksy alfons alfred alojzy ambroży anastazy andrzej antoni
apolinary arkadiusz arnold artur august augustyn bartłomiej bartosz benedykt beniamin bernard
błażej bogdan bogumił bogusław bolesław bonifacy borys bronisław bruno cezary cyprian cyryl czesław
damian daniel dariusz dawid dionizy dobromir dominik donat edmund edward edwin eligiusz emil
emilian ernest eryk eugeniusz euzebiusz fabian feliks ferdynand filip florian franciszek fryderyk
gabriel gerard gerwazy gracjan grzegorz gustaw henryk herbert hieronim hilary hipolit hubert
ignacy igor ildefons ireneusz iwo izydor jacek jakub jan janusz jarosław jeremi jeremiasz jerzy
joachim jonasz józef julian juliusz justyn kacper kajetan kalikst kamil karol kazimierz klaudiusz
klemens konrad konstanty kornel krystian krzysztof ksawery lech leon leonard leopold leszek lucjan
ludomir ludwik łucjan łukasz maciej maks maksym maksymilian marceli marcin marek marian mariusz
mateusz maurycy metody michał mieczysław mieszko mikołaj milan miłosz mirosław narcyz natan
nikodem norbert olaf oliwer oliwier oskar patryk paweł piotr przemysław przemko radosław rafał
remigiusz robert roch roman romuald rudolf ryszard sambor sebastian serafin seweryn sławomir
stanisław stefan sylwester szczepan szymon tadeusz teodor teofil tobiasz tomasz tymon tymoteusz
tytus urban wacław waldemar walenty walerian wawrzyniec wiesław wiktor wincenty wit witold
władysław włodzimierz wojciech zbigniew zdzisław zenon zygfryd zygmunt żelisław bożydar bogumił
dobrosław lubomir radomir radzimir sędziwój zbysław alan aleks alex antoni bartłomiej dorian
fabian gniewko henryk ignacy jędrzej jerzy juliusz kornel ksawery lew leonard mirosław nataniel
oktawian przybysław sewer stanisław tytus wespazjan witosław zenobiusz
adaś adek antek antoś arek bartek bartuś bogdanek bolek czarek darek dareczek edek felek franek
franio frankie grzesiek grześ gienek heniek henio irek jacuś janek janeczek jaś jasiek jarek jędrek
józek józio julek jurek kamilek kazik kazio krzysiek krzyś kubuś leszek lolek łukaszek maciek
maciuś marcinek mareczek mati mateuszek michałek mietek mikołajek mirek olek oluś pawełek piotrek
piotruś przemek radek rysiek rysio romek sebek seba sławek staś stasiek staszek szymek szymuś tadek
tadzio tomek tomuś tosiek wicek wiesiek witek władek włodek wojtek wojtuś zbyszek zdzisiek zenek
zbysio dominiczek kuba kubuś dawidek filipek igorek kacperek karolek kubek norbi
"""

ENGLISH_FEMALE = """
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia
joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah
jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy
sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
charlotte marie kayla alexis lori chloe sophie lucy ella mia isla ava freya molly ellie katie kate
rosie millie evie harriet imogen phoebe scarlett zoe bethany abby becky jenny jen liz beth jo pam
meg peggy wendy tracy stacey gemma kirsty leah caitlin niamh siobhan aoife claire clare fiona
louise rachael jane jill joanne susie tina tanya vicky nora maggie eleanor lydia naomi esther
rebekah jasmine kylie courtney brooke paige amelia georgina emilia poppy florence matilda elsie
ivy evelyn isabelle sienna maisie daisy lola eva esme willow bella jessie heidi alison anne
annie audrey bridget caroline carrie cassandra charlene colleen connie crystal dana darlene
dawn debbie eileen elaine ellen erica erin felicity gail georgia gillian hayley holly irene
jacqueline jade janine jeanette joanna josephine julia karla katrina kim kristen leanne lesley
lillian lindsay lorraine lynn mandy marion melanie miranda monica nadine nina paula penelope
rita roberta rosemary sally shannon sheila stella sue suzanne sylvia tara tiffany valerie vanessa
vera yvonne zara ruby hollie amelie harper aria luna hazel layla nova emilie kayleigh chelsea
"""

ENGLISH_MALE = """
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan
henry zachary douglas peter kyle noah ethan jeremy walter christian keith roger terry austin sean
gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan
juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene
harry oliver jake luke liam lucas owen connor callum jamie charlie alfie freddie archie oscar leo
theo finn toby ben tim dan steve mike dave chris matt andy pete tony jim jimmy johnny danny joey
eddie fred greg jeff josh jon phil ron stan stuart vic zack alex kevin neil nigel simon trevor
colin graham gavin craig darren dean declan ciaran conor seamus rory niall shaun barry derek
kieran lewis reece aidan harrison isaac jayden jenson joshua kai louie max reggie riley ronnie
rowan sebastian spencer stanley teddy tommy william zac ashley clive dominic duncan edmund elliot
francis geoffrey gordon howard ian jeremy julian leonard malcolm martin maurice miles norman
oswald quentin ralph rodney rupert russell sidney terence vernon victor warren wesley
"""

# Ukrainian, Russian and Belarusian first names in English and Polish transliteration.
EAST_SLAVIC_LATIN = """
oleksandr oleksii oleksiy andrii andriy serhii serhiy volodymyr dmytro mykola vasyl taras bohdan
yurii yuriy ihor oleh maksym artem denys vitalii vitaliy yaroslav petro ivan pavlo mykhailo
anatolii valentyn vadym ruslan stepan yevhen yevhenii hryhorii fedir kostiantyn illia nazar danylo
yehor kyrylo matvii tymofii rostyslav sviatoslav zakhar orest ostap lev ivanna olena oksana iryna
nataliia tetiana tetyana yuliia yulia svitlana anastasiia dariia kateryna khrystyna halyna liudmyla
larysa nadiia valentyna viktoriia mariia sofiia yana inna lesia zoriana solomiia olha liubov zoia
alla ulyana uliana yaryna oleksandra maryna snizhana lilia yevheniia aleksandr aleksei alexey
dmitri dmitry dmitrii sergei sergey andrei andrey mikhail nikolai nikolay vladimir yevgeny evgeny
evgenii pavel yuri yury oleg maxim artyom vitaly konstantin anatoly gennady leonid valery
vyacheslav grigory fyodor timur kirill nikita ilya yegor egor anton semyon arseny matvey timofey
olga tatiana tatyana natalya irina svetlana yelena elena ekaterina yekaterina marina galina
lyudmila ludmila anastasia nadezhda lyubov larisa valentina zoya sveta katya masha dasha natasha
sasha olya tanya anya nastya yulya galya lyuba zhenya kseniya polina alyona alena darya valeriya
vitalik oleksa sashko mykhailyna bohdana myroslava myroslav vsevolod volodya vova kolya misha
petya seryozha dima lyosha zhenia yaroslava zlata vasylyna stefaniia yevdokiia hanna oksanka
ołeksandr ołeksij andrij serhij wołodymyr mykoła wasyl jurij ołeh witalij pawło mychajło
anatolij wałentyn wadym rusłan jewhen hryhorij kostiantyn danyło jehor kyryło tymofij rostysław
ołena natalija tetiana julija swiatłana switłana swietłana anastasija daryna chrystyna ludmyła
łarysa nadija wałentyna wiktorija marija sofija łesia zorjana sołomija olha lubow hanna ulana
jaryna ołeksandra sasza misza masza dasza natasza katia tania nastia olia ludmiła walentyna
siergiej aleksiej dmitrij andriej nikołaj władimir jewgienij pawieł ilja wiaczesław witalik
bohdan dmytro maksym artem denys nazar ostap taras iwan petro stepan wołodia wowa kola
aliaksandr siarhei uladzimir zmicier nasta aliaksei andrei yauhen yauheni hanna katsiaryna
volha alesia maryia palina darja aliaksandra
"""

# Other names residents of Kraków often have: Arabic, Turkish, Persian, South Asian, Vietnamese,
# African, Georgian, Armenian, Chechen, Italian, Spanish, Portuguese, German and French.
OTHER_FIRST = """
mohammed muhammad mohamed mohammad mehmed ahmed ahmad omar umar yusuf youssef yousef hassan hasan
hussein husain mustafa khalid karim amir ibrahim ismail hamza bilal tariq rashid samir nabil walid
fatima fatma aisha aisza aysha ayesha layla leila zainab mariam maryam amina yasmin yasmina nour
noor salma huda rania abdullah abdul abdel abdallah ali hussain jamal kamal faisal fahad nasser
salim saleh sami tarek yasser ziad zaid adel anas bashir hadi hamid hisham imad jihad khaled
majid mahmoud mahmud marwan nizar osama qasim rami riad said sherif wael yahya younes zakaria
amal asma dina farah ghada hala hiba iman jamila lina lubna maha malak manal mona nadia nadine
noura rana rasha reem rima sahar samira sana sara sawsan suha wafa yara zahra zeina
mehmet emre burak cem can deniz elif ayşe zeynep merve ahmet mustafa hüseyin hakan murat ömer
osman serkan tolga volkan yusuf emine esra fatih gül hatice kemal leyla ozan özlem selin serap
reza mehdi arash darius dariush parisa shirin farid farhad hossein navid omid parviz behnam
maryam nasrin roya sara shabnam soraya ziba
priya anjali pooja raj rahul arjun vikram sanjay ravi amit deepak sunita kavita lakshmi aarav
aditya ajay akash anil anand arun ashok gaurav harsh karan krishna manish mohan naveen nikhil
pradeep prakash rajesh rakesh rohit sachin sandeep sanjeev shiva siddharth sunil suresh varun
vijay vishal vivek aishwarya ananya deepa divya isha kiran meera neha nisha preeti radha rekha
riya sanjana shreya sneha swati usha vidya
nguyen minh anh duc hung huong lan linh mai nam ngoc phuong quang thanh thao thu trang tuan
van viet hoa hieu khanh long phong quynh tam thuy tien trung tung vinh yen
ngozi chinedu emeka oluwaseun tunde kofi kwame ama abena adebayo adeola chidi chioma chukwuemeka
folake ifeoma ikenna kelechi nkechi obinna olumide segun temitope uche yaw kwabena kojo akosua
amadou moussa ousmane mamadou ibrahima aminata fatou awa abdou cheikh
giorgi nino tamar levan irakli davit dato lasha zurab mariam ketevan nana natia salome tamta
tornike vakhtang sopho sophio ana eka
armen aram ashot gevorg hayk narek tigran anahit arpi gayane lusine
ramzan akhmed aslan magomed zelimkhan aishat khava madina zarema
luca marco giuseppe giovanni francesco alessandro matteo lorenzo andrea antonio giulia chiara
francesca alessia federica martina valentina elisa silvia
carlos jorge diego javier pablo miguel alejandro sergio raul fernando manuel luis lucia carmen
pilar isabel elena marta paula laura ines beatriz joão pedro tiago rafael mariana
klaus jürgen stefan hans wolfgang lukas jonas ursula sabine uwe dieter helmut günter karl
friedrich heinrich greta gisela heike ingrid katrin monika petra
pierre jean-pierre françois louis camille chloé manon élodie jacques michel philippe nicolas
julien mathieu sylvie nathalie isabelle sophie céline amélie
"""

# Polish surnames no suffix rule recognises (the -ski/-cki/-dzki and -wicz ones need no list).
POLISH_SURNAMES = """
nowak wójcik kowalczyk woźniak mazur krawczyk kaczmarek zając król wieczorek wróbel dudek adamczyk
pawlak walczak sikora baran michalak szewczyk pietrzak marciniak bąk włodarczyk kubiak wilk lis
mazurek kaźmierczak sobczak cieślak kołodziej szymczak szulc błaszczyk mróz szczepaniak krupa
kaczmarczyk urbaniak kozak kania mikołajczyk mucha tomczak kozieł kowalik janik musiał wawrzyniak
tomczyk jarosz kołodziejczyk kurek kopeć żak łuczak dziedzic kot stasiak piątek jóźwiak urban
pawlik kruk domagała wójtowicz zięba bednarek polak kasprzak olejnik sowa jasiak grabowiec
nowacki piotrowiak majchrzak leśniak jędrzejczak grzelak kwiecień gajda sroka kubacki rogala
borowiec kujawa bielecki wilczek wrona żuk stępień kurowski banaś grzyb milczarek wasiak siwiec
bielak lewandowicz kaczor pawełczak rybak kubica cichoń frankowiak czech gołąb kozioł kmiecik
wojtas ziemba nowik pająk kozub kuczyński hajduk matusiak gąsior sobczyk kurzawa mikołajczak
wrzesień konieczny piekarz chmiel zawada duda sobolewski kula kowal ryba kos mrozek gajewicz
madej czaja drozd gil gawron dziubek fijałek figiel gawlik hołownia kasprzyk kępa kocur kudła
kuś łata lasek ludwiczak łukasik maj malec marek matuszak matysiak michalik mika misiak molenda
mól nawrot niemiec nowaczyk ogórek olszak orzeł pałka paluch pasek pawłowicz pęczek pielach
pluta pyka pyrek rak ratajczak rosiak rudnik rybka sadło sęk siuda skiba skrzypek słowik smoleń
sobieraj socha sosna stachura stanek szczepanik szczęsny szostak szpak szydło ślusarczyk śliwa
świątek tracz trzaska tyc tylka wacławik walas wąsik wdowiak wiatr wiśniewicz wolak wołek wosik
wójtowicz zalewa zaremba zawadka zbroja zieliński żmuda żurek żyła adamiak antczak augustyniak
banach bednarz biel bielawa bober bogusz bojarski borek brzozowski buczek bukowiec burzyński
chmielarz chudy ciołek cybulka czarnota czerwiec dąbek dębiec dobosz dolata dominiak dragan
drabik dzik dziuba falkowski filipek florczak gadomski gała gałązka gąska gawęda głąb gołębiowski
góra górka gruszka grzesiak guzik hajdas huk imiołek iwan jabłoński jagiełło jakubiak jakubczyk
janas janczak janiak jankowiak jaros jaworek jaworski jurek jurczak kaleta karaś kędzior kierzek
klimek klimczak kłos kmieć kobus kogut kolasa konarski kopacz kordek kosiński kostrzewa kot
kowalewicz kozielski krajewski kraus krok krzyżanowski kubik kuc kucharczyk kula kulesza kulik
kupiec kuźma kwaśniak kwiatek lach laskowski lech lejman lenart leśniewski lipa lipiec lisek
łabędź łapa łoś łysiak machnik maciąg majka makowiec malczewski malik marczak markiewicz
maślanka mastalerz matuła mazurkiewicz miazga michna mielczarek mizera mleczko mokrzycki moskal
motyka mroczek mularczyk musiał nalepa nawrocki niedźwiedź nogaj nowotny obara oleksy olszewski
opala orłowski owczarek pacholczyk pająk palacz paluch panek parzych pawlas pawłowski pelc
pietras pietrzyk piwowarczyk płonka podgórski pokora popiel porębski potoczny przybyła ptak
pyrka rachwał radecki radomski rataj rejman rogowski rosół rutka rzepka sadowski sajdak sawicki
serafin siwek skowron skóra smoła sobota sołtys sosnowski stachowiak stach stasik stolarz
stopa strzelec surma szafran szczygieł szczurek szewc szmidt szostak szwed szymański ślęzak
śmietana świerczek tokarz tomala trela turek twardowski tyszka urbańczyk wach walczyk waligóra
warchoł wawrzyk wiącek więcek wijas wiktor wilczyński wiśniewski witek włodek wnuk wojtyła
wolny wołoszyn woś wójcicki wrzos wypych zagórski zając zalewski zawisza zdunek zięba ziobro
zych żołądź żukowski żyłka żmijewski hanusz fąfara brzęczek cieśla gaweł
"""

ENGLISH_SURNAMES = """
smith johnson williams brown jones miller davis wilson anderson taylor thomas jackson white harris
martin thompson garcia martinez robinson clark rodriguez lewis lee walker hall allen young
hernandez king wright lopez hill scott green adams baker gonzalez nelson carter mitchell perez
roberts turner phillips campbell parker evans edwards collins stewart sanchez morris rogers reed
cook morgan bell murphy bailey rivera cooper richardson cox howard ward torres peterson gray
ramirez james watson brooks kelly sanders price bennett wood barnes ross henderson coleman
jenkins perry powell long patterson hughes flores washington butler simmons foster gonzales
bryant alexander russell griffin diaz hayes myers ford hamilton graham sullivan wallace woods
cole west jordan owens reynolds fisher ellis harrison gibson mcdonald cruz marshall ortiz gomez
murray freeman wells webb simpson stevens tucker porter hunter hicks crawford henry boyd mason
morales kennedy warren dixon ramos reyes burns gordon shaw holmes rice robertson hunt black
daniels palmer mills nichols grant knight ferguson rose stone hawkins dunn perkins hudson spencer
gardner stephens payne pierce berry matthews arnold wagner willis ray watkins olson carroll
duncan snyder hart cunningham bradley lane andrews ruiz harper fox riley armstrong carpenter
weaver greene lawrence elliott chavez sims austin peters kelley franklin lawson fields
o'connor o'brien o'neill macdonald fitzgerald davies jenkins owen griffiths thomson johnston
doyle byrne ryan walsh quinn gallagher mccarthy brennan duffy clarke lynch kavanagh moore
"""

# East Slavic surnames the -enko, -uk, -ov, -ev rules would miss.
EAST_SLAVIC_SURNAMES = """
shevchenko kovalenko bondarenko tkachenko kravchenko boyko melnyk kovalchuk oliynyk shevchuk
polishchuk lysenko marchenko rudenko savchenko petrenko moroz pavlenko koval hnatiuk romanenko
kravets lytvyn lytvynenko tkachuk zhuk hrytsenko kuzmenko ponomarenko vasylenko kushnir
kostenko zinchenko karpenko honchar kovalyshyn fedoruk yurchenko pylypenko symonenko savchuk
szewczenko kowalenko tkaczenko krawczenko bojko kowalczuk olijnyk szewczuk poliszczuk łysenko
pawlenko łytwyn kuzmenko ponomarenko wasylenko kusznir kostenko zinczenko karpenko honczar
melnik melnyk mielnik hryciuk hawryluk martyniuk kowal kowaliow
kuznetsov ivanov smirnov popov vasiliev petrov sokolov mikhailov novikov fedorov morozov volkov
alekseev lebedev semenov egorov pavlov kozlov stepanov nikolaev orlov andreev makarov nikitin
zakharov zaitsev soloviev borisov yakovlev grigoriev romanov vorobiev sergeev kuzmin frolov
alexandrov dmitriev korolev gusev kiselev ilyin maksimov polyakov sorokin vinogradov kovalev
belov medvedev antonov tarasov zhukov baranov filippov komarov davydov belyaev gerasimov
bogdanov osipov sidorov matveev titov markov mironov krylov kulikov karpov vlasov melnikov
denisov gavrilov tikhonov kazakov afanasiev danilov savelyev timofeev fomin chernov abramov
martynov efimov fedotov shcherbakov nazarov kalinin isaev chernyshev bykov maslov rodionov
konovalov lazarev voronin klimov filatov ponomarev golubev kudryavtsev prokhorov naumov
potapov zhuravlev ovchinnikov trofimov leonov sobolev ermakov kolesnikov goncharov emelyanov
nikiforov grachev kotov grishin efremov arkhipov gromov kirillov malyshev panov moiseev rumyantsev
akimov kondratiev biryukov gorbunov anisimov eremin tikhomirov galkin lukyanov mikheev
iwanow smirnow popow wasiliew pietrow sokołow nowikow fiodorow morozow wołkow kuzniecow
lebiediew kozłow stiepanow orłow makarow zajcew sołowjow borysow romanow
lukashenko karatkevich bahdanovich kavaliou navumchyk
"""

OTHER_SURNAMES = """
nguyen tran pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam mai trinh
yilmaz kaya demir şahin çelik yıldız yıldırım öztürk aydın özdemir arslan doğan kılıç aslan
çetin kara koç kurt özkan şimşek polat korkmaz erdoğan
khan hussain rahman ahmed malik qureshi chaudhry iqbal akhtar siddiqui shaikh mirza
singh kumar sharma gupta patel shah mehta joshi reddy rao iyer nair pillai das banerjee
chatterjee mukherjee bose ghosh verma yadav mishra pandey tiwari agarwal kapoor chopra
okafor okonkwo adeyemi mensah owusu boateng asante diallo traore keita coulibaly ndiaye diop
beridze kapanadze gelashvili maisuradze giorgadze lomidze tsiklauri mamedov aliyev huseynov
hakobyan harutyunyan sargsyan petrosyan grigoryan kadyrov
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
fernandez lopez gonzalez rodriguez sanchez perez martin gomez ruiz diaz moreno alvarez
silva santos oliveira souza pereira costa ferreira almeida
müller schmidt schneider fischer weber meyer wagner becker schulz hoffmann schäfer koch bauer
richter klein wolf schröder neumann schwarz zimmermann braun krüger hofmann hartmann lange
dubois lefebvre moreau laurent girard bonnet dupont lambert fontaine rousseau vincent
"""

# Cyrillic first names and surnames (Ukrainian and Russian), written in the nominative.
CYRILLIC = """
олександр олексій андрій сергій володимир дмитро микола василь тарас богдан юрій ігор олег
максим артем денис віталій ярослав петро іван павло михайло анатолій валентин вадим руслан
степан євген григорій федір костянтин ілля назар данило єгор кирило матвій тимофій ростислав
олена оксана ірина наталія тетяна юлія світлана анастасія дарія катерина христина галина
людмила лариса надія валентина вікторія марія софія яна інна леся ольга любов алла уляна
ганна мирослава соломія зоряна
александр алексей андрей сергей владимир дмитрий николай василий юрий игорь максим артём
виталий павел михаил анатолий евгений григорий фёдор константин илья никита кирилл антон
елена наталья татьяна юлия светлана екатерина галина людмила надежда виктория мария софья
ольга любовь анна дарья ксения полина алёна валерия саша маша даша наташа катя таня настя
шевченко коваленко бондаренко ткаченко кравченко бойко мельник ковальчук олійник шевчук
поліщук лисенко марченко руденко савченко петренко мороз павленко коваль
иванов смирнов кузнецов попов васильев петров соколов михайлов новиков федоров морозов волков
"""
