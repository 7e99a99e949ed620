"""Capitalised words that name places, institutions, brands, peoples and things, never a person, for redaction."""

# Whole words (folded by names.py): forms that could begin a person's name, so no stem is safe.
WORDS = """
indie indii indiach indiami azja azji azję azją azjaci azjatów azjatka azjatki azjata wenezuela wenezueli
wenezuelę białoruś białorusi białorusią kazachstan kazachstanu kazachstanie kazakhstana kazakhstan
rossii rossiju rossija rosii rossiya belarusi belarus ukrainy ukraina ukraine ukrainu polshchi polshcha
sri lanka lanki filipiny filipin filipinach philippines nepal nepalu bangladesz tajlandia tajlandii
kharkova kharkiv kharkove kyieva kyiv lvova lviv odesy mariupola zaporizhzhia dnipra
kurd kurda kurdem kurdowie kurdów kurdyjka kurdyjki kurdyjką rom romem romowie romów romce
chińczyk chińczyka chińczykiem chińczycy chińczyków chinka chinki japończyk japończycy japonka
wietnamczyk wietnamczycy wietnamka wietnamki koreańczyk koreanka hindus hinduska filipińczyk
brit brits british english scots welsh irish dutch swiss danish swedish finnish
muslims muslim muslimah jews christians catholics hindus sikhs buddhists africans asians europeans
koran koranu koranem koranie biblia biblii biblię biblią tora tory torę talmud ewangelia ewangelii
tiktok tiktoka tiktoku tiktokiem discord discorda discordzie discordem bolt bolta bolcie boltem
snapchat snapchacie reddit reddicie twitch twitchu spotify telegramie signalu youtubie youtube'ie
revolucie blika uberze glovo pyszne.pl freenow free now itaxi
marsz marszu marszem równości równość traktowania traktowanie równego linia linii linię
spraw cudzoziemców cudzoziemcy obywatelskich obywatelskiej
economics business law medicine sciences technology humanities studies phd msc mba
down downa crohn crohna crohnem parkinson parkinsona alzheimer alzheimera asperger aspergera
hashimoto tourette tourette'a
mii moia moie moi moja moje mene meni ya ja vin vona vony my vy tse ce tut tam shcho shto
kazhe skazala skazal kazhut dobryi dobryj den dnia vechir zdravstvuyte zdravstvujte pryvit privet
kvartyry kvartyra kvartyru robota roboti rabote rabota firmi firme shkoli shkole likarni bolnice
sukiennic sukiennice sukiennicach wszystkich świętych
batorego kopernika dietla mickiewicza słowackiego kościuszki sienkiewicza reymonta konopnickiej
wyspiańskiego matejki chopina piłsudskiego dunajewskiego radzikowskiego lubicz westerplatte
wielopole wielopolu basztowa basztowej pawia pawiej bracka brackiej gołębia gołębiej kanonicza
kanoniczej senacka senackiej stradomska stradomskiej dajwór dajworze szeroka szerokiej miodowa miodowej
meiselsa starowiślna starowiślnej starowiślną długa długiej długą czarnowiejska czarnowiejskiej
wadowicka wadowickiej zakopianka zakopiance opolska opolskiej conrada armii krajowej
irak iraku iraku katar kataru katarze polish olsza olszy olszą liszki liszkach liszek zielonki zielonkach zielonek
zielonkami
"""

# Stems (folded): Kraków's districts and neighbourhoods, towns and villages around it, well-known
# streets, and brands, whose beginnings no common first name or surname shares.
STEMS = """
michalowic bibic mogilan krzeszowic zabierzow rybitw modlnic czyzyn pradnik kapelank
piastow skawin niepolomic wielicz wieliczk swiatnik mogilan zabierzow kocmyrzow igolomi
rzozow ksiazniczk balic modlniczk tomaszowic zelkow bolechowic rudaw ojcow pekowic giebultow
bosutow batowic prusy raciborowic slomnik proszowic myslenic dobczyc gdow biskupic siepraw
wegrzce wegrzc bieżanow prokocim kurdwan piaski biezanow duchack falecki
swoszowic opatkowic kliny zakrzowek ludwinow debnik pychowic kostrze tyniec bodzow sidzin
skotnik kobierzyn ruczaj zablocie dabie rakowic wieczyst lobzow azory
bronowic mydlnik bielany przegorzal zwierzyni salwator krowodrz lobzow mistrzejowic
bienczyc czyzyn branic luborzyc pleszow wyciaz ruszcz krzeslawic
florians szewsk grodzk slawkowsk karmelick kalwaryjsk wielick mogilsk zwierzynieck jozefinsk
starowislnej starowisln krakowsk lubicz pradnick armii wadowick bronowick
tiktok discord snapchat instagra facebook whatsap telegra youtub twitter linkedin spotify netflix
biedronk lidl zabk rossman kaufland auchan carrefour castoram decathlon empik
mcdonald burger kfc starbuck zabk aldi netto stokrot lewiatan pepco action primark
galeri bonarka serenad
wenezuel kolumbi boliwi ekwador argentyn brazyli meksyk kanad filipin indonez malezj
tajland kambodz laos birm mongol tybet nepal bangladesz sri lank afganist pakistan iran irak
jemen oman kuwejt saud emirat liban izrael palestyn egipt libi tunezj algier marok
mauretan senegal gambi gwine niger nigeri ghan togo benin kamerun gabon kongo angol namibi
botswan zimbabw zambi mozambik madagaskar tanzani keni ugand rwand burundi etiopi erytre somali
sudan czad
japanes chines vietnames taiwanes sudanes senegales congoles portugues nepales lebanes
moroccan morocan african america mexican korean cuban haitian jamaican nigerian kenyan ghanaian
georgian iranian iraqi pakistan afghan syrian russian ukrainian belarusian indian
kazakh uzbek tajik kyrgyz turkmen chechen armenian azerbaijan azeri
"""
