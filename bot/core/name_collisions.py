"""Inflected forms of listed names that are also other Polish or English words ("tylko", "musiała", "koło")."""

# Generated once from simplemma's Polish and English dictionaries: every generated form of a listed
# name whose folded spelling is a lower-case word with another lemma. Such forms need context.
FORMS = """
ade ado agate albino aline amie aminate ani aniele anieli anielo antonim antonow antonowie any arka
arkach arkami arkom asie aske awe baka baranie basie bednarka bednarkach bednarkami bednarkom
bednarzowa bednarzowej bednarzowi belle bellow benedykcie benedyktach benedyktami benedyktom benow
bielowa bielowej bielowi bogdanie bogdanka bogdankach bogdankami bogdankom bogdany bohdanie bohdany
brownie brzeczka brzeczkach brzeczkami brzeczkom burakowi chmielowa chmielowej chmielowi czai czaje
czaju czarka czarkach czarkami czarkom dance danie danki danko dano dany dari dasa dasach dasami
dasom dasow dasze dawna debrze derka derkach derkami derkom diane dime dine dolacie domagalo
domagaly drozdowa drozdowej drozdowi drozdzie ducach ducami ducem ducom ducow ducowie dudkach
dudkami dudkom dudy dziedzicowa dziedzicowej dziedzicowi dzikowa dzikowej dzikowi eke elki eve ewe
fabianach fabianami fabianie fabianom fabianow finna floresowa floresowej floresowi franka frankach
frankami frankiem frankom frankow frankowi franku gabrielami gai gaila gailem gailom gaju gawronie
georginie gilowa gilowej gilowi grantowa grantowej grantowi grzybie grzybowa grzybowej grzybowi gula
gulach gulami gulom guzikowa guzikowej guzikowi hance hanie hansom hartowna hartownej hartowny
hasanie helu hoe hoy huka hukowa hukowej hukowi imanie inne inno inny isle jadzie jagnie jarkach
jarkami jarkom jena jenach jenami jenie jenom jolu jonowi kani karana karanie karasiowi karla
karlach karlami karle karlem karli karlo karlom karlow karlowi karlowie karlu karo karze kasie kaski
kayo kima kimach kimami kimie kimom kleina kleinach kleinami kleinie kleinom klosie klosowa klosowej
klosowi kmiecia kocha kocie kocow kocowa kocowie kogucie kolu kornele korneli kornelu kosa kosach
kosami kosom kota kotach kotami kotom kowalowa kowalowej kozlowa kozlowie krokowa krokowej krokowi
krolowej krolowi krysie kubie kubkowi kuby kuca kucach kucami kucom kudly kuleszu kulu kumara kurcie
kurka kurkach kurkami kurkom kurkowa kurkowej kurkowi kurta kurtach kurtami kurtom kwiatkowa
kwiatkowej kwiatkowi labedzia labedziowi lacha lachach lachami lachom lama lamie lamowa lamowej
lamowie lanie lanowi lare lary larze laska laskach laskami laskom laskowa laskowej laskowi lasku
laury laurze lawsonie lecha lechach lechami lechom lenie leonida leonidach leonidami leonidom
leonidzie lesie lewa lewach lewami lewem lewie lewom lewu linie lisach lisami lisie liska lisku
lisom lisow lisowa lisowej lisowi lisy liza lizie longa losia losiowi losowa losowej lubowa luce
luci lucie ludwiki lunie madejowa madejowej madejowi madzie mai maja majach majami majom majowa
majowej majowi maju maksyma maksymach maksymami maksymie maksymom marianach marianami marianie
marianom marianow mariany marka markach markami markiem markom markow markowa markowej markowi
markowie marku marto marynie marzenie masonie maxima mazurka mazurkach mazurkami mazurkom mazurkowa
mazurkowej mazurkowi mazurowej mazurowi mega megom mele mi mie mietkach mietkami mietkom mikolajkach
mikolajkami mikolajkom milenki milenko mirze misze molowa molowej molowi monie mousse mroza mrozowa
mrozowej mrozowi musiala musialem musialom musze nabila nabilem nabilom naira nairach nairami nairom
nairze namow namowi namowie nascie nasto nasty nawrotowa nawrotowej nawrotowi niedzwiedzia
niedzwiedziowi nine obary obarze ogorkowa ogorkowej ogorkowi oktawie olimpie oliwi oliwie opali
opalu orlowa orlowie ostapie otyli owczarka owczarkach owczarkami owczarkom paska paskach paskami
paskom paskowa paskowej paskowi pavlova pawila pawilem pawilom pawla pawlach pawlami pawle pawlem
pawlom pawlow peczkowa peczkowej peczkowi piatka piatkach piatkami piatkom piatkowa piatkowej
piatkowi piekarzowa piekarzowej piekarzowi pietrowa pilarze plucie polacie polata polci polcie
polciu polu popiela popila popilem popilom popowa porterowa porterowej porterowi przybyle przybylo
przybyly pyke pyrka pyrkach pyrkami pyrkom raja rajach rajami rajom rajow rajowi rajowie rakach
rakami rakom rakow rakowa rakowej rakowi rani ranie raniu rano rany renate rime rite rogale rogali
rogalu romie romy ronie rosolowa rosolowej rosolowi rybie ryska ryskach ryskami ryskom rysku
samborze sane sanie sany sekowa sekowej sienne sienno sienny siwka siwkach siwkami siwkom skrzypka
skrzypkach skrzypkami skrzypkom slawka slawkach slawkami slawkom slowikowa slowikowej slowikowi
smolenia smoleniem smoleniu soltysie soltysowa soltysowej soltysowi soltysowna soltysowny sophie
sosnie sowie stana stanie stanowi stanowie stepanie surmie susanie swiatkowa swiatkowej swietlane
swietlano swietlany szafranowa szafranowej szafranowi szewcowa szewcowej szewcowna szewcowny tama
tamach tamami tamie tamom tamowi tamte tamto tani tanie tanio tarasowi tarka tarkach tarkami tarkom
tarkowi tine tiny tole tranowa tranowej tranowi tranowie trele treli trelu tungowi turka tylce tylki
tylko ulane ulanie ulano ulany ule uli ulu umarze valentine very wacha wachach wachami wachom
walczakowa walczakowej walczakowi walerianach walerianami walerianie walerianom walerianowi walidach
walidami walidom walidzie werki werko wescie westa westach westami westom westowa westowej westowi
wiatrach wiatrami wiatrom wiatrow wiatrowa wiatrowej wiatrowi wice wicie wicka wicku wieczorkowej
wieczorkowi wiki wiktorii wilkach wilkami wilkom willowa wita witkach witkami witkom wnuka wnukach
wnukami wnukom wnukow wnukowa wnukowej wnukowi wronie wrony wrzesniowi wrzosowa wrzosowej wrzosowi
wypycha yare zakach zakami zakiem zakom zakowa zaku zary zarze zawisze zbroi zhuka ziebie zycie zyto
"""
