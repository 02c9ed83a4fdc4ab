import sys
sex = dict(Amelia='F',Ben='M',Cara='F',Dev='M',Ellie='F',Finn='M',Grace='F',Harvey='M',Isla='F',Jay='M',Kai='M',Lily='F',Max='M',Noor='F',Oscar='M',Priya='F',Ruby='F',Sami='M',Theo='M',Zara='F')
codes = dict(ILLNESS='I',MEDICAL_APPOINTMENT='M',RELIGIOUS_OBSERVANCE='R')
# overrides for reviews: (outcome for absent named/all absent, review label, last day)
review_map = dict(SAFEGUARDING=('PERSON','safeguarding'),HOLIDAY=('G','holiday'),QUESTION=('PERSON','question'),
  UNKNOWN_CHILD=('PERSON','unclear'),WHICH_CHILD=('PERSON','unclear'),UNCLEAR_REASON=('PERSON','unclear'),BEREAVEMENT=('C','bereavement'))
holiday_last = {'We are on holiday in Spain, back next week':'2026-11-27','Long weekend away, back Wednesday':'2026-11-24','Harvey is in Turkey until Friday':'2026-11-27'}
out=[]
out.append('# Tuning set 1: the first 119 replies (src/test/resources/sms-replies.tsv), converted to one outcome per child.')
out.append('# Columns (tab-separated): id | reply | roll (Legal/Preferred:M|F, * = marked N today) | expected (Legal=OUTCOME; ...) | review (AUTO, REVIEW:reasons, KEYWORD:X) | note')
out.append('# Today is Monday 2026-11-23; term ends Friday 2026-12-18; self-certification limit 5 school days. All names invented.')
n=0
for line in open('src/test/resources/sms-replies.tsv',encoding='utf-8'):
    line=line.rstrip('\n')
    if not line or line.startswith('#'): continue
    f=line.split('\t')
    text, roll, exp = f[0], f[1], f[2]
    last = f[3] if len(f)>3 and f[3] else '2026-11-23'
    kids=[(r.replace('*',''), r.endswith('*')) for r in roll.split(',')]
    n+=1
    rollout=', '.join(f"{k}:{sex[k]}{'*' if a else ''}" for k,a in kids)
    cat, rest = exp.split(' ',1)
    outs=[]; review='AUTO'
    if cat=='REVIEW':
        o,lab = review_map[rest]
        review='REVIEW:'+lab
        for k,a in kids:
            if not a: outs.append('NONE')
            elif o in ('G','C'): outs.append(f"{o}..{holiday_last.get(text,'2026-11-23')}")
            else: outs.append(o)
    else:
        named=rest.split(',')
        for k,a in kids:
            if not a: outs.append('NONE')
            elif k in named:
                outs.append('LATE' if cat=='LATE_ARRIVAL' else f"{codes[cat]}..{last}")
            else: outs.append('UNEXPLAINED')
    # conventions of the per-child sets: a festival named on a day it cannot fall goes to a person; "until Friday" is back on
    # Friday; "off 48 hours" is today and tomorrow; a family saying the child was dropped at school is said-in-school
    if cat == 'RELIGIOUS_OBSERVANCE' and any(f in text for f in ('Eid', 'Diwali', 'Yom Kippur', 'Guru Nanak')):
        outs = ['PERSON' if a else 'NONE' for k, a in kids]; review = 'REVIEW:unclear'
    if text == 'Jay has chickenpox, he\'ll be off until Friday':
        outs = ['I..2026-11-26']
    if text == 'Harvey is in Turkey until Friday':
        outs = ['G..2026-11-26']
    if '48 hours' in text:
        outs = ['I..2026-11-24']
    if text.startswith('Why has Jay been marked absent'):
        review = 'REVIEW:said-in-school,question'
    exps='; '.join(f"{k}={o}" for (k,a),o in zip(kids,outs))
    out.append('\t'.join([f"t1-{n:03d}", text, rollout, exps, review, 'converted from sms-replies.tsv']))
open('src/test/resources/sms-replies-tuning-1.tsv','w',encoding='utf-8').write('\n'.join(out)+'\n')
print(n)
