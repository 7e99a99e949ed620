"""Function words of Polish, English, Ukrainian and Russian (folded) that carry no topic and are ignored in matching.

Crisis detection does not use these lists: "end it all" needs its small words.
"""

from bot.core.text import fold, skeleton, word_list

POLISH = frozenset(
    word_list("""
a aby abym ach aj ale albo ani aż az bardziej bardzo bez bo bowiem by byc byl byla byli bylo bym bys
byś co cos coś czy czyli dla do dlaczego dlatego dokad dzieki gdy gdyz gdzie gdzies go i ich ile im
inna inne inny ja jak jaka jaki jakie jakis jako je jego jej jemu jest jestem jestes jesli jezeli juz
ja kiedy kim kogo komu ktora ktore ktory ktorzy kto ktos ku lub ma mam mamy mi mna mnie moge moj moja
moje moze mozna mu my na nad nam nami nas nasz nasza nasze nia nic nich nie niech niej niemu nim nimi
no o od oraz on ona one oni ono owszem po pod poniewaz przed przez przy sa sie siebie skad so sobie
swoj swoja swoje ta tak taka taki takie tam te tego tej temu ten tez to toba tobie tu tutaj twoj
twoja twoje ty tym u w we wiec wlasnie wszystko wy z za ze zeby prosze chce chcialbym chcialabym
powiedz powiedziec wiedziec dowiedziec czym czemu jaka jakiej jakim jakich jakiego czego hej
ktorego ktorej ktorym ktorych zas jednak sam sama samo tylko jeszcze teraz tez ok okej ds
spraw tzw np itp itd pytanie zapytac wiesz moglbys moglabys mozesz robic zrobic
cos ktos jakis jakas jakies powinienem powinnam trzeba bedzie beda bedziemy bylo
byly mial miala mialo zawsze ciagle wciaz naprawde takze rowniez czesto codziennie
""")
)

ENGLISH = frozenset(
    word_list("""
a about above after again all am an and any are as at be because been being below between both but
by can could did do does doing down during each every few for from further had has have having he her here
hers him his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours out over own same she should so some such than that the their them then
there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself s t m re ve ll d tell please want know
like get got im dont cant whats wheres hows id ive thats there is isnt question ask
anything something explain info much many someone somebody
should need always really still also ever maybe often
""")
)

# Ukrainian and Russian, written as spelt and folded as the bot folds text (й is и, ї is і, ё is е).
UKRAINIAN = frozenset(
    fold(w)
    for w in word_list("""
а або аби але б би бо був була були було буде будуть в вам вас ваш ваша ваше ваші вже ви від він вона
вони воно все всі всього втім де для до дуже є з за зараз зі й його її їй їм їх із коли котрий куди
ли мене мені мені мій мною мо може можна моя моє мої на нам нас наш наша наше наші не нема немає ні
ніж нього неї них но ну о об от про при саме себе собі та так така такий таке також там твій те тебе
тобі той треба ти то тут у хоча це цей ця ці цього цю чи чим що щоб щось якщо як яка який яке які
якась якийсь хтось щодо будь ласка скажіть скажи підкажіть підкажи допоможіть хочу хотів хотіла
хотілося мати маю має маємо мав мала просто ще тільки лише потрібно знати дізнатися питання
над під по після перед через без між біля при зі із
""")
)
RUSSIAN = frozenset(
    fold(w)
    for w in word_list("""
а или но бы был была были было будет будут в вам вас ваш ваша ваше ваши уже вы от он она они оно все
всё всех где для до очень есть с за сейчас и его ее её ей им их из когда который куда ли меня мне мой
мною может можно моя моё мои на нам нас наш наша наше наши не нет ни чем него неё них ну о об про при
себя себе та так такая такой такое также там твой те тебя тебе тот надо ты то тут у хотя это этот
эта эти этого эту что чтобы что-то если как какая какой какое какие кто-то пожалуйста скажите
подскажите помогите хочу хотел хотела иметь имею имеет просто еще ещё только нужно знать узнать вопрос
над под по после перед через без между около ко во со из потому стал стала стали станет
""")
)

#: Question words: they tell sibling entries apart ("kto" → who sits on the council, "jak" → how to
#: join it) but say nothing about the topic, so they count lightly and never count against a match.
QUESTION_POLISH = frozenset(
    word_list("""
kto kogo komu kim gdzie kiedy jak ile dlaczego czemu skad dokad ktory ktora ktore
""")
)
QUESTION_ENGLISH = frozenset(["who", "whom", "where", "when", "how", "why", "which"])
QUESTION_UKRAINIAN = frozenset(
    fold(w) for w in word_list("хто кого кому де коли як скільки чому навіщо звідки куди який яка яке які")
)
QUESTION_RUSSIAN = frozenset(
    fold(w) for w in word_list("кто кого кому где когда как сколько почему зачем откуда куда какой какая какое какие")
)
QUESTION_WORDS = QUESTION_POLISH | QUESTION_ENGLISH | QUESTION_UKRAINIAN | QUESTION_RUSSIAN

POLISH = POLISH - QUESTION_WORDS
ENGLISH = ENGLISH - QUESTION_WORDS
UKRAINIAN = UKRAINIAN - QUESTION_WORDS
RUSSIAN = RUSSIAN - QUESTION_WORDS
# Matching compares Cyrillic terms on their spelling skeleton (bot.core.text.skeleton): so do the lists.
UKRAINIAN |= {skeleton(w) for w in UKRAINIAN}
RUSSIAN |= {skeleton(w) for w in RUSSIAN}
QUESTION_WORDS |= {skeleton(w) for w in QUESTION_UKRAINIAN | QUESTION_RUSSIAN}

BY_LANG = {"pl": POLISH, "en": ENGLISH, "uk": UKRAINIAN, "ru": RUSSIAN}
