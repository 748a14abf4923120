"""Generate tests/data/names/variants.toml: planted variants and look-alike pairs."""
import json

# (first name, surname, variant, role, language/pattern)
PLANTED = [
 ("Jens", "Stoltenberg", "Stoltenburg", "Nato secretary general", "Norwegian -berg/-burg"),
 ("Stefan", "Lindqvist", "Lindquist", "Swedish economist", "Swedish qv/qu"),
 ("Mateusz", "Morawiecki", "Morawiecky", "Polish prime minister", "Polish -cki/-cky"),
 ("Robert", "Lewandowski", "Lewandowsky", "Barcelona striker", "Polish -ski/-sky"),
 ("Jan", "Kowalski", "Kowalsky", "Polish diplomat", "Polish -ski/-sky"),
 ("Dmitry", "Peskov", "Peskoff", "Kremlin spokesman", "Russian -ov/-off"),
 ("Sergei", "Lavrov", "Lavroff", "Russian foreign minister", "Russian -ov/-off"),
 ("Oleksii", "Reznikov", "Reznikoff", "Ukrainian defence minister", "Russian -ov/-off"),
 ("George", "Stephanopoulos", "Stefanopoulos", "ABC anchor", "Greek ph/f"),
 ("Kyriakos", "Mitsotakis", "Mitsotackis", "Greek prime minister", "Greek ck/k"),
 ("Markus", "Schneider", "Schnieder", "German economist", "German ei/ie"),
 ("Frank-Walter", "Steinmeier", "Steinmeyer", "German president", "German ei/ey"),
 ("Jens", "Weidmann", "Weidman", "Bundesbank president", "German double n"),
 ("Robert", "Habeck", "Habek", "German economy minister", "German ck/k"),
 ("Friedrich", "Merz", "Mertz", "German opposition leader", "German z/tz"),
 ("Annalena", "Baerbock", "Bärbock", "German foreign minister", "German ae/ä"),
 ("Giorgia", "Meloni", "Melloni", "Italian prime minister", "Italian double l"),
 ("Sergio", "Mattarella", "Matarella", "Italian president", "Italian double t"),
 ("Matteo", "Salvini", "Salvinni", "Italian deputy prime minister", "Italian double n"),
 ("Pedro", "Sanchez", "Sanches", "Spanish prime minister", "Spanish z/s"),
 ("Jair", "Bolsonaro", "Bolsanaro", "former Brazilian president", "Portuguese vowel"),
 ("Michel", "Barnier", "Barneir", "EU negotiator", "French ie/ei"),
 ("Gerald", "Darmanin", "Darmanian", "French interior minister", "French vowel"),
 ("Edouard", "Philippe", "Phillipe", "former French prime minister", "French double l"),
 ("Mark", "Rutte", "Rute", "Dutch prime minister", "Dutch double t"),
 ("Geert", "Wilders", "Wielders", "Dutch politician", "Dutch i/ie"),
 ("Recep Tayyip", "Erdogan", "Erdoghan", "Turkish president", "Turkish g/gh"),
 ("Benjamin", "Netanyahu", "Netanyahou", "Israeli prime minister", "French-style ou"),
 ("Hassan", "Nasrallah", "Nasralah", "Hezbollah leader", "Arabic double l"),
 ("Yahya", "Sinwar", "Sinouar", "Hamas leader", "French-style ou for w"),
 ("Najib", "Mikati", "Miqati", "Lebanese prime minister", "Arabic q/k"),
 ("Ebrahim", "Raisi", "Raissi", "Iranian president", "Persian double s"),
 ("Ali", "Khamenei", "Khamenai", "Iran's supreme leader", "Persian ei/ai"),
 ("Mohammad Javad", "Zarif", "Zareef", "former Iranian foreign minister", "Persian i/ee"),
 ("Fumio", "Kishida", "Kishid", "Japanese prime minister", "Japanese dropped vowel"),
 ("Shigeru", "Ishiba", "Ishibah", "Japanese prime minister", "Japanese h"),
 ("Subrahmanyam", "Jaishankar", "Jaishanker", "Indian foreign minister", "Indian a/e"),
 ("Rahul", "Gandhi", "Ghandi", "Indian opposition leader", "Indian gh transposed"),
 ("Arvind", "Kejriwal", "Kejrival", "Delhi chief minister", "Indian w/v"),
 ("Rishi", "Sunak", "Sunack", "UK chancellor", "English ck/k"),
 ("Keir", "Starmer", "Starmar", "Labour leader", "English vowel"),
 ("Nadhim", "Zahawi", "Zahavi", "UK education secretary", "Arabic w/v"),
 ("Rachel", "Reeves", "Reaves", "shadow chancellor", "English ee/ea"),
 ("Liam", "Gallagher", "Gallager", "singer", "Irish gh/g"),
 ("Cyril", "Ramaphosa", "Ramaposa", "South African president", "ph/p"),
 ("Bola", "Tinubu", "Tinubou", "Nigerian president", "French-style ou"),
 ("Uhuru", "Kenyatta", "Kenyata", "former Kenyan president", "Kenyan double t"),
 ("Yoweri", "Museveni", "Musevini", "Ugandan president", "vowel"),
 ("Raila", "Odinga", "Odingah", "Kenyan opposition leader", "h"),
 ("Paul", "Kagame", "Kagami", "Rwandan president", "vowel"),
 ("Mette", "Frederiksen", "Fredriksen", "Danish prime minister", "Danish dropped vowel"),
 ("Ulf", "Kristersson", "Kristerson", "Swedish prime minister", "Swedish double s"),
 ("Klaus", "Iohannis", "Johannis", "Romanian president", "Romanian i/j"),
 ("Kemal", "Kilicdaroglu", "Kilicdaroghlu", "Turkish opposition leader", "Turkish g/gh"),
 ("Vitali", "Klitschko", "Klichko", "Kyiv mayor", "German tsch/ch"),
 ("Kaja", "Kallas", "Kalas", "Estonian prime minister", "Estonian double l"),
 ("Elvira", "Nabiullina", "Nabiulina", "Russian central bank governor", "Russian double l"),
 ("Mikhail", "Mishustin", "Mishoustin", "Russian prime minister", "French-style ou"),
 ("Maia", "Sandu", "Sandou", "Moldovan president", "French-style ou"),
 ("Andrzej", "Duda", "Dudda", "Polish president", "Polish double d"),
 ("Pete", "Hegseth", "Hegsett", "US defence secretary", "English th/tt"),
 ("Volker", "Wissing", "Wising", "German transport minister", "German double s"),
]

SENTENCES = {
 "intro": [
  "{first} {sur}, the {role}, said on Monday that the talks would continue.",
  "The {role}, {first} {sur}, arrived in Brussels on Tuesday for two days of meetings.",
  "Speaking in a television interview, {first} {sur}, the {role}, rejected the criticism.",
  "{first} {sur} has warned that the plan could fail, the {role}'s office said.",
 ],
 "middle": [
  "Officials said no date had been set for a further meeting.",
  "The remarks drew a sharp response from opposition parties.",
  "Markets were little changed after the announcement.",
  "Analysts said the decision had been widely expected.",
 ],
 "again": [
  "{sur} said the government would publish its proposals next month.",
  "Asked about the cost, {sur} declined to give a figure.",
  "Later, {sur} told reporters that he had not changed his mind.",
  "\"We are ready to talk,\" {sur} said.",
 ],
 "variant": [
  "{var} added that the talks had been constructive.",
  "In a statement, Mr {var} said he would not resign.",
  "\"There is no alternative,\" {var} said on Wednesday.",
  "A spokesman for {var} said the meeting would go ahead.",
  "Supporters of {first} {var} gathered outside the building.",
  "The comments by {var} were welcomed in Washington.",
 ],
}

LOOKALIKE = [
 # (first A, surname A, role A, first B, surname B, role B)
 ("Victor", "Ponta", "Romanian prime minister", "Viktor", "Orban", "Hungarian prime minister"),
 ("David", "Davis", "Conservative MP", "Ian", "Davies", "Labour councillor"),
 ("Giuseppe", "Conte", "former Italian prime minister", "Paolo", "Conti", "Italian economist"),
 ("Jennifer", "Lopez", "singer", "Maria", "Lopes", "Portuguese minister"),
 ("Saddam", "Hussein", "former Iraqi leader", "Nasser", "Hussain", "former England cricket captain"),
 ("Andrew", "Marshall", "economist", "Peter", "Marshal", "judge"),
 ("Kenneth", "Clarke", "former chancellor", "Greg", "Clark", "business secretary"),
 ("Gordon", "Brown", "former prime minister", "Michael", "Browne", "Irish judge"),
 ("Alan", "Green", "BBC commentator", "Chris", "Greene", "US lawmaker"),
 ("Lily", "Allen", "singer", "Graham", "Allan", "Scottish MP"),
 ("Rod", "Stevens", "football manager", "Mark", "Stephens", "lawyer"),
 ("Chris", "Grayling", "transport secretary", "Andrew", "Greyling", "South African farmer"),
 ("Harold", "Wilson", "former prime minister", "Jean", "Willson", "researcher"),
 ("Dick", "Morris", "political adviser", "Dean", "Morriss", "teacher"),
 ("Kamala", "Harris", "US vice-president", "Rhys", "Harries", "Welsh councillor"),
 ("Huw", "Evans", "Welsh rugby official", "Tom", "Evens", "Belgian journalist"),
 ("Phil", "Collins", "singer", "Anna", "Collings", "architect"),
 ("Ted", "Hughes", "poet", "Emma", "Hughs", "nurse"),
 ("Andrew", "Mitchell", "development minister", "George", "Mitchel", "US envoy"),
 ("John", "Bolton", "former US national security adviser", "Greta", "Boston", "artist"),
 ("Lloyd", "Austin", "US defence secretary", "Jane", "Austen", "novelist"),
 ("Kurt", "Russell", "actor", "Marie", "Russel", "French scientist"),
 ("Colin", "Powell", "former US secretary of state", "Ruth", "Powel", "historian"),
 ("Helmut", "Schmidt", "former German chancellor", "Karl", "Schmitt", "Austrian banker"),
 ("Lothar", "Meyer", "German chemist", "Dirk", "Meier", "Swiss politician"),
 ("Joschka", "Fischer", "former German foreign minister", "Carrie", "Fisher", "actress"),
 ("Charles", "Lindbergh", "aviator", "Sven", "Lindberg", "Swedish diplomat"),
 ("Novak", "Djokovic", "tennis player", "Ivan", "Dodig", "Croatian player"),
 ("Antonio", "Rossi", "Italian rower", "Maria", "Russo", "Italian senator"),
 ("Marco", "Bianchi", "Italian chef", "Luca", "Bianco", "Italian engineer"),
 ("Jorge", "Mendes", "football agent", "Ramon", "Mendez", "Mexican senator"),
 ("Selena", "Gomez", "singer", "Rui", "Gomes", "Portuguese coach"),
 ("Ahmed", "Hassan", "Egyptian footballer", "Samir", "Hasan", "Syrian poet"),
 ("Sheikh", "Hasina", "Bangladeshi prime minister", "Fazle", "Rahman", "Bangladeshi judge"),
 ("Priti", "Patel", "home secretary", "Vikram", "Patil", "Indian scientist"),
 ("Milton", "Friedman", "economist", "Thomas", "Freedman", "journalist"),
 ("Julius", "Rosenberg", "spy", "Eric", "Rosenburg", "Canadian trader"),
 ("Bernie", "Sanders", "US senator", "Deion", "Sanderson", "Texas rancher"),
 ("Jenson", "Button", "racing driver", "Jens", "Jensen", "Danish rower"),
 ("Tom", "Watson", "Labour deputy leader", "Emma", "Watts", "actress"),
 ("Ben", "Stokes", "England captain", "Dale", "Stoke", "golf coach"),
 ("Joe", "Root", "England batter", "Gerhard", "Roth", "Austrian writer"),
 ("Marcus", "Rashford", "footballer", "Tom", "Ashford", "Kent councillor"),
 ("Nicola", "Sturgeon", "first minister", "Ian", "Spurgeon", "Baptist minister"),
 ("Keir", "Starmer", "Labour leader", "John", "Stammer", "engineer"),
 ("Boris", "Becker", "tennis player", "Jonas", "Bekker", "Dutch cyclist"),
 ("Mohamed", "Salah", "Liverpool forward", "Omar", "Saleh", "Yemeni official"),
 ("Antony", "Blinken", "US secretary of state", "Tom", "Blinkin", "blogger"),
 ("Sadiq", "Khan", "London mayor", "Hermann", "Kahn", "futurist"),
 ("Emmanuel", "Macron", "French president", "Paul", "Macro", "economist"),
 ("Olaf", "Scholz", "German chancellor", "Rainer", "Scholl", "German historian"),
 ("Ursula", "Leyen", "European Commission president", "Peter", "Lyen", "Belgian engineer"),
 ("Christine", "Lagarde", "ECB president", "Anne", "Lagardere", "French publisher"),
 ("Donald", "Tusk", "Polish prime minister", "Adam", "Tuska", "Polish runner"),
 ("Kevin", "McCarthy", "US House speaker", "Melissa", "McCartney", "designer"),
 ("Nancy", "Pelosi", "US House speaker", "Marco", "Pelos", "Italian chef"),
 ("Ron", "Wyden", "US senator", "Peter", "Wyeden", "Dutch farmer"),
 ("Roger", "Federer", "tennis player", "Erika", "Federle", "German judge"),
 ("Andy", "Murray", "tennis player", "Jim", "Murry", "US engineer"),
 ("Alexei", "Navalny", "Russian opposition leader", "Yulia", "Navalnaya", "his widow"),
]

LOOK_TEMPLATES = [
 "{fa} {sa}, the {ra}, said on Monday that the plan would fail. Separately, {fb} {sb}, a {rb}, said it was sound. {sa} did not respond. {sb} said more talks were needed.",
 "The {ra}, {fa} {sa}, spoke first. Later the {rb}, {fb} {sb}, took questions. \"It was a good day,\" {sb} said.",
 "{fa} {sa} ({ra}) and {fb} {sb} ({rb}) were both at the event. {sa} arrived first.",
 "Among the guests were {fa} {sa}, the {ra}, and {fb} {sb}, the {rb}. Both declined to comment.",
]


def planted():
    out = []
    for i, (first, sur, var, role, lang) in enumerate(PLANTED):
        again = i % 3  # 0: one use each; 1: two uses; 2: three uses
        parts = [SENTENCES["intro"][i % 4].format(first=first, sur=sur, role=role),
                 SENTENCES["middle"][i % 4]]
        for k in range(again):
            parts.append(SENTENCES["again"][(i + k) % 4].format(sur=sur))
        parts.append(SENTENCES["variant"][i % 6].format(var=var, first=first))
        out.append({"text": " ".join(parts), "variant": var, "surname": sur, "pattern": lang,
                    "uses": again + 1})
    return out


def lookalike():
    out = []
    for i, (fa, sa, ra, fb, sb, rb) in enumerate(LOOKALIKE):
        text = LOOK_TEMPLATES[i % 4].format(fa=fa, sa=sa, ra=ra, fb=fb, sb=sb, rb=rb)
        out.append({"text": text, "names": f"{fa} {sa} / {fb} {sb}"})
    return out


def q(s):
    return json.dumps(s, ensure_ascii=False)


lines = ["# Stress test of unlisted name variants (issue 14, item 5): NL103 name-variant-unlisted.",
         "# Generated once by a script from real public figures' names (their usual English",
         "# spellings) and one planted misspelling each, in the patterns of the name's language",
         "# (-berg/-burg, qv/qu, -ski/-sky, -ov/-off, ph/f, ei/ie, doubled letters, ...).",
         "# [[planted]]: `variant` must be flagged (once). `uses`: how often the right form is used.",
         "# [[lookalike]]: two DIFFERENT real people with similar names: nothing may be flagged.",
         ""]
for p in planted():
    lines += ["[[planted]]", f"text = {q(p['text'])}", f"variant = {q(p['variant'])}",
              f"surname = {q(p['surname'])}", f"pattern = {q(p['pattern'])}", f"uses = {p['uses']}", ""]
for p in lookalike():
    lines += ["[[lookalike]]", f"text = {q(p['text'])}", f"names = {q(p['names'])}", ""]
open(__import__("pathlib").Path(__file__).with_name("variants.toml"), "w", encoding="utf-8").write("\n".join(lines))
print(len(PLANTED), len(LOOKALIKE))
