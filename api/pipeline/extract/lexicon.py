"""Word lists used to recognise speaker phrases: pronouns, titles and roles, organisation words,
source nouns ("officials", "sources"), and words that never head or start a name."""
from __future__ import annotations

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
DETERMINERS = frozenset({"the", "a", "an", "another", "some", "several", "many", "most", "two", "three",
                         "four", "other", "both", "one", "his", "her", "their", "its", "our", "these",
                         "those", "this", "that", "few", "all", "no", "top", "senior", "my", "your"})
# Titles written before a name, in one table. Courtesy titles tell a person's gender (speakers/registry.py);
# abbreviated ranks and offices; a personal title is followed by a name, never a role ("Mr. King",
# "Dr. Chief": names.py); TITLES (a title in a speaker phrase) leaves out "miss";
# TITLE_ABBREVIATIONS are the abbreviations whose period never ends a sentence before a
# capitalised word or a number (sentences.py): the abbreviated titles, some plurals, and other
# abbreviations written before a name ("St.", "Mt.", "Ft.").
FEMALE_TITLES = frozenset("mrs ms miss dame lady".split())
MALE_TITLES = frozenset("mr sir lord".split())
RANK_TITLES = frozenset("dr sen rep gov lt gen col sgt capt maj adm prof rev hon".split())
PERSONAL_TITLES = frozenset("mr mrs ms miss dr".split())
TITLES = (FEMALE_TITLES | MALE_TITLES | RANK_TITLES) - {"miss"}
TITLE_ABBREVIATIONS = frozenset("mr mrs ms".split()) | RANK_TITLES | frozenset("""
sens reps govs gens pres supt det insp cmdr cpl pvt amb atty messrs brig st mt ft
""".split())
ROLE_WORDS = TITLES | frozenset("""
president vice prime minister secretary state defense defence foreign interior senator
representative congressman congresswoman governor mayor chancellor chairman chairwoman chair
speaker leader director chief judge justice attorney general ambassador spokesman spokeswoman
spokesperson commissioner king queen pope premier ceo officer adviser advisor aide former first
minority majority whip deputy acting assistant special envoy candidate nominee presidential
house senate treasury homeland security commerce labor energy finance health sheriff
lieutenant colonel major captain sergeant admiral commander pastor reverend rabbi professor
editor publisher founder strategist pollster columnist commentator host anchor
father bishop cardinal imam
""".split())
# Occupations written before a name, capitalised when they open a sentence or a headline ("Billionaire
# Donald Trump", "Republican Donor Adelson", "Actor Clint Howard"): a role, never the first word of the
# name. Only words that are no given names (not "Hunter", "Mason", "Deacon") and are not in ROLE_WORDS
# (which "the …" resolves to a person holding it).
OCCUPATIONS = frozenset("""
donor donors megadonor billionaire millionaire tycoon magnate mogul philanthropist investor entrepreneur
businessman businesswoman activist lawmaker legislator assemblyman assemblywoman councilman councilwoman
alderman alderwoman economist analyst historian scholar researcher scientist author writer novelist
journalist correspondent reporter broadcaster blogger moderator co-moderator co-anchor comedian actor
actress filmmaker rapper musician lobbyist pundit evangelist televangelist preacher surgeon physician
widow widower hacker prosecutor supervisor recorder committeeman committeewoman
""".split())
ORG_WORDS = frozenset("""
party house department ministry office council committee campaign court times post news journal
association union agency bureau institute university group inc corp company bank fund center
centre commission administration congress senate foundation network press service police army
forces government board school church club organization organisation coalition alliance movement
platform cabinet parliament assembly tribunal authority authorities embassy mission team staff
corporation reuters politifact poll survey report study caucus convention federation league
""".split())
# Common nouns that can be the head of a speaker phrase ("sources said", "a spokesman added").
SOURCE_NOUNS = frozenset("""
source sources official officials spokesman spokeswoman spokesperson spokespeople aide aides adviser
advisers advisor advisors analyst analysts expert experts critic critics observer observers lawyer
lawyers attorney attorneys prosecutor prosecutors police authorities witness witnesses resident
residents people voters supporters opponents democrats republicans leaders leader lawmakers
legislators economists scientists researchers doctors investigators diplomats diplomat negotiators
office campaign administration government statement report reports study poll polls survey data
documents document records agency department ministry committee spokesmen executives executive
organizers activists protesters protestors group groups officers officer military army
commentators members member staff staffers insiders allies ally friends family relatives
memo letter filing complaint lawsuit platform organization organisation company firm website
newspaper paper network outlet pollster pollsters candidate nominee president senator governor
mayor minister secretary director chief chairman judge court reporter reporters journalist
percent respondents participants analyses analysis studies research findings estimates someone somebody
everyone everybody nobody anyone advocates delegates candidates surrogates associates colleagues
veteran veterans
""".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Month names that are not also given names (so "Jan Novak" and "April Ryan" stay names).
MONTHS = frozenset("""january february march july september october november december feb mar apr jun
jul aug sep sept oct nov dec""".split())
# Capitalised words that open sentences or clauses but are never part of a name (the layout words
# among them are, after a given name: see SURNAME_WORDS).
NOT_NAME = frozenset("""
the a an but and or so yet if when while after before as in on at for from with by to of since
although though because however meanwhile still also then now this that these those there here
his her its their our my your we they he she it i you what who why how where which during despite
until unless asked speaking according earlier later last next yesterday today tonight tomorrow
some many most much several other both each every no not all one mr mrs ms read watch click
over under through throughout across among amid against toward towards into onto upon within without
beyond behind beside between via
""".split()) | WEEKDAYS
# Words of NOT_NAME that are also surnames or names of bodies: a page's "Read more" or "Watch:" opens
# no name, but after a capitalised name word they end one ("Pfizer chief executive Ian Read", "Judicial Watch").
SURNAME_WORDS = frozenset("read watch click".split())
CONNECTORS = frozenset({"of", "for", "the", "and", "de", "van", "von", "al", "bin", "la", "du", "on", "el", "da", "di",
                        "dos", "ibn"})
# Lower-case words that may modify a source noun or a name: "senior administration officials".
MODIFIERS = frozenset("""
senior top former current administration campaign government military white house state federal
local police party independent anonymous unnamed other two three several many some few rights
intelligence security health election legal foreign defense defence justice retired communication
communications press chief deputy national regional policy planning bureau politics political economic legislative domestic digital
""".split())
# Function words: never the head of a speaker phrase.
NOT_HEAD = frozenset("""
the a an and or but that this these those which who whom what when where while if as of in on at to
for from with by about after before over under than then there here not no is are was were be been
being has have had do does did will would can could should may might must also just only very more
most much many some any all each every both either neither other such own same so too it its itself
they them their he him his she her we us our you your i me my said says told against despite
into through during without within among toward towards across behind beyond upon via per amid like
unlike near around whether because though although since until unless however including
""".split())
VERB_LIKE = frozenset("met told said made took led won lost went came gave sent left held spoke ran".split())
# Nouns for where or how words were said: "in a statement", "in an interview", "at a rally".
VENUE_NOUNS = frozenset("""statement statements interview interviews speech speeches tweet tweets post posts
letter ruling email op-ed editorial address remarks appearance debate rally video ad book essay column filing
memo radio television broadcast conference call hearing testimony briefing meeting event forum podcast
show program programme""".split())
# Words that start a clause, not a name, even capitalised at the start of a sentence.
CLAUSE_OPENERS = frozenset("""citing responding amid alongside from based after before during following
despite given including like unlike with without asked speaking writing referring according noting
pointing adding meanwhile instead besides beyond mostly plus""".split())
