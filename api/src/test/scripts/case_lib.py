"""Writes a manifest case file with its "# expect:" lines; positions are found from a needle in the text.
The YAML files are the source of truth: this only helps write the large ones (see generate_large_cases.py)."""
import os
ROOT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'manifests')
def write(rel, text):
    path=os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path,'w').write(text)

def pos(body, needle, nth=1):
    """1-based line:col of the nth occurrence of needle in body (authoring aid only)."""
    shift=needle.find('^')
    if shift<0: shift=0
    needle=needle.replace('^','')
    i=-1
    for _ in range(nth):
        i=body.index(needle, i+1)
    i+=shift
    line=body.count('\n',0,i)+1
    col=i-(body.rfind('\n',0,i)+1)+1
    return line,col

def case(rel, body, expects=()):
    """expects: (needle, path, rule[, message part][, nth]); positions shift by the expect lines."""
    n=len(expects)
    lines=[]
    for e in expects:
        needle, path, rule = e[0], e[1], e[2]
        msg = e[3] if len(e)>3 else ''
        nth = e[4] if len(e)>4 else 1
        if isinstance(needle, tuple):  # explicit (line, col) relative to body
            l,c=needle
        else:
            l,c=pos(body, needle, nth)
        lines.append(('# expect: %d:%d %s [%s] %s' % (l+n, c, path, rule, msg)).rstrip())
    write(rel, ''.join(x+'\n' for x in lines)+body)

HEAD='''apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: orders
spec:
'''
PPR='  billingMode: PAY_PER_REQUEST\n'
PROV='''  billingMode: PROVISIONED
  provisionedThroughput:
    readCapacityUnits: 5
    writeCapacityUnits: 5
'''
def attrs(*pairs):
    return '  attributeDefinitions:\n'+''.join('    - name: %s\n      type: %s\n'%p for p in pairs)
def keys(*pairs, indent=2):
    sp=' '*indent
    return sp+'keySchema:\n'+''.join('%s  - attributeName: %s\n%s    keyType: %s\n'%(sp,a,sp,k) for a,k in pairs)
PK=attrs(('pk','S'))+keys(('pk','HASH'))
PKSK=attrs(('pk','S'),('sk','S'))+keys(('pk','HASH'),('sk','RANGE'))
def gsi(name, keypairs, projection=None, throughput=None):
    s='    - name: %s\n'%name + keys(*keypairs, indent=6)
    if projection: s+='      projection:\n'+projection
    if throughput: s+='      provisionedThroughput:\n        readCapacityUnits: %s\n        writeCapacityUnits: %s\n'%throughput
    return s
lsi=gsi
def gsis(*items): return '  globalSecondaryIndexes:\n'+''.join(items)
def lsis(*items): return '  localSecondaryIndexes:\n'+''.join(items)
KEYS_ONLY='        type: KEYS_ONLY\n'
def include(*names): return '        type: INCLUDE\n        nonKeyAttributes: [%s]\n'%', '.join(names)
