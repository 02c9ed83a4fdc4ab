#!/usr/bin/env python3
"""Generates the reply reader's two resources from the TUNING corpora only (never the held-out sets):
reason-training.tsv (reason label, reply text) for ReasonModel, and english-words.txt, the ordinary words
the reader never reads as a misspelt name. Run from the repository root: python3 tools/reader-resources.py"""
import re, glob, os

TUNING = sorted(glob.glob('src/test/resources/sms-replies-tuning-*.tsv'))
OUT = 'src/main/resources/uk/openattendance/absence/domain/reply/'
BASE = """a about above after again against all also always am an and another any anyone anything are around as at away back bad
be because been before being below best better between big bit both bring broke brought but by call came can car cannot child
children come coming could day days did do does doing done down during each early eat either else even evening every everyone
few fine first for found friday from full get gets getting give go goes going gone good got great had half hard has have having he
head help her here herself him himself his home hope hopefully hour hours how i if in inside into is it its itself just keep keeping
kept kids know last late later least leave left let like little long look lot lots made make many may me mean might mine miss monday
more morning most much must my myself need needs never new next nice night no none nor not nothing now of off often oh ok okay on once
one only or other our out over own past please poor poorly put quite rather really rest right round said same saturday say school see
seen send sent she should since so some someone something soon sorry start started stay staying still such sunday sure take taken
taking tell than thank thanks that the their them then there these they thing things think this those though through thursday till
time times to today together told tomorrow tonight too took tuesday two three four under until up upon us very wait want was way we
wednesday week weekend well went were what when where which while who whole why will with without woke work would yes yesterday yet
you your mum dad mummy daddy nan nana nanny gran granny grandma grandad grandpa auntie aunt uncle cousin brother sister son daughter
baby boy girl boys girls twins husband wife partner hubby eldest youngest little ones office teacher class register absent present
near poor door floor noor? floor moor four hour our your sure pure cure more""".split()

def rows():
    for f in TUNING:
        for line in open(f, encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            c = line.rstrip('\n').split('\t')
            if len(c) >= 5:
                yield c

names = set()
for c in rows():
    for entry in c[2].split(','):
        n = entry.strip().replace('*', '').split(':')[0]
        for part in re.split(r'[/\s-]+', n.lower()):
            names.add(part)
# people and places the tuning replies name who are not on the roll
names |= {'tom', 'sophie', 'jacob', 'kerry', 'patel', 'darren', 'pat', 'mrs', 'addenbrooke', 'addenbrookes', 'leicester', 'glasgow', 'peterborough'}

def distance(a, b):
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i-1][j] + 1, d[i][j-1] + 1, d[i-1][j-1] + (a[i-1] != b[j-1]))
            if i > 1 and j > 1 and a[i-1] == b[j-2] and a[i-2] == b[j-1]:
                d[i][j] = min(d[i][j], d[i-2][j-2] + 1)
    return d[len(a)][len(b)]

def near_a_name(w, roll):
    # a misspelling of a child on this reply's roll ("Ameila", "Jaxon") is a name, not an English word
    return any(distance(w, n) <= 2 or w[:3] == n[:3] for n in roll)

words = set(w for w in BASE if w.isalpha())
for c in rows():
    roll = [p for e in c[2].split(',') for p in re.split(r'[/\s-]+', e.strip().replace('*', '').split(':')[0].lower())]
    for t in re.findall(r"[a-zA-Z']+", c[1]):
        w = t.lower().strip("'")
        if w.endswith("'s"):
            w = w[:-2]
        w = w.replace("'", '')
        if len(w) >= 2 and w not in names and (w in BASE or not near_a_name(w, roll)):
            words.add(w)

LABEL = {'I': 'ILLNESS', 'M': 'MEDICAL', 'R': 'RELIGIOUS', 'C': 'BEREAVEMENT', 'G': 'HOLIDAY', 'LATE': 'LATE'}
training = []
for c in rows():
    review = c[4]
    if review.startswith('KEYWORD') or 'other-language' in review:
        continue
    outs = [e.split('=', 1)[1].strip() for e in c[3].split(';') if '=' in e]
    kinds = set()
    for o in outs:
        if o in ('NONE', 'UNEXPLAINED'):
            continue
        kinds.add(LABEL.get(o.split('..')[0], 'PERSON'))
    if 'safeguarding' in review:
        label = 'SAFEGUARDING'
    elif 'said-in-school' in review:
        label = 'IN_SCHOOL'
    elif len(kinds) == 1:
        label = kinds.pop()
        if label == 'PERSON':
            label = 'QUESTION' if 'question' in review else 'INVALID' if 'unclear' in review else 'NONE'
        if label == 'MEDICAL' and 'unspecified-appointment' in review:
            label = 'APPOINTMENT'
    else:
        continue
    # the children's own names carry no reason: the model must not learn that "Tom" is ill more often than "Tess"
    roll = [p for e in c[2].split(',') for p in re.split(r'[/\s-]+', e.strip().replace('*', '').split(':')[0].lower()) if p]
    def unnamed(m):
        w = m.group(0).lower().replace("'s", '').replace("'", '')
        return '' if w in roll or (len(w) >= 4 and any(distance(w, n) <= 1 for n in roll)) else m.group(0)
    training.append(label + '\t' + re.sub(r"[A-Za-z\u00C0-\u024F'-]+", unnamed, c[1]))

os.makedirs(OUT, exist_ok=True)
def esc(v):
    return v.replace('\\', '\\\\').replace('\t', '\\t')
with open(OUT + 'reader.properties', 'w', encoding='utf-8') as f:
    f.write('# Generated by tools/reader-resources.py from the tuning corpora only (never the held-out sets).\n')
    f.write('# words: the ordinary words of the tuning replies that are not names, and a base list.\n')
    f.write('# train.N: a reason label, a tab, a tuning reply; ReasonModel trains on them when it loads.\n')
    f.write('words=' + ' '.join(sorted(words)) + '\n')
    for n, t in enumerate(training):
        f.write('train.%d=%s\n' % (n, esc(t)))
print(len(training), 'training replies,', len(words), 'words')
