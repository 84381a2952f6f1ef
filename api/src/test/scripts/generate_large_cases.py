# Regenerates the large boundary cases (20/21 GSIs, 5/6 LSIs, 20/21 and 100/101 non-key attributes).
import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from case_lib import *
H=HEAD
OWNER=attrs(('pk','S'),('owner','S'))+keys(('pk','HASH'))
def many_gsis(n): return gsis(*[gsi('byOwner%02d'%i,[('owner','HASH')],KEYS_ONLY) for i in range(1,n+1)])
case('valid/limit-20-gsis.yaml', H+PPR+OWNER+many_gsis(20))
case('invalid/limit-21-gsis.yaml', H+PPR+OWNER+many_gsis(21), [('- name: byOwner01','spec.global_secondary_indexes','repeated.max_items')])
LSIBASE=attrs(('pk','S'),('sk','S'),('created','N'))+keys(('pk','HASH'),('sk','RANGE'))
def many_lsis(n, proj=lambda i: KEYS_ONLY): return lsis(*[lsi('byCreated%02d'%i,[('pk','HASH'),('created','RANGE')],proj(i)) for i in range(1,n+1)])
case('valid/limit-5-lsis.yaml', H+PPR+LSIBASE+many_lsis(5))
case('invalid/limit-6-lsis.yaml', H+PPR+LSIBASE+many_lsis(6), [('- name: byCreated01','spec.local_secondary_indexes','repeated.max_items')])
def names(n): return ['a%02d'%i for i in range(1,n+1)]
case('valid/limit-20-non-key-attributes.yaml', H+PPR+OWNER+gsis(gsi('byOwner',[('owner','HASH')],include(*names(20)))))
case('invalid/limit-21-non-key-attributes.yaml', H+PPR+OWNER+gsis(gsi('byOwner',[('owner','HASH')],include(*names(21)))),
     [('nonKeyAttributes: ^[','spec.global_secondary_indexes[0].projection.non_key_attributes','repeated.max_items')])
# The same 20 names in every index: each index that projects a name counts it again.
BOTH=attrs(('pk','S'),('sk','S'),('owner','S'),('created','N'))+keys(('pk','HASH'),('sk','RANGE'))
def total(gsi_count, lsi_attrs):
    return H+PPR+BOTH+gsis(*[gsi('byOwner%02d'%i,[('owner','HASH')],include(*names(20))) for i in range(1,gsi_count+1)])+\
        lsis(lsi('byCreated',[('pk','HASH'),('created','RANGE')],include(*names(lsi_attrs))))
case('valid/limit-100-non-key-attributes-total.yaml', total(4, 20))
case('invalid/limit-101-non-key-attributes-total.yaml', total(5, 1),
     [('nonKeyAttributes: [^a01]','spec.local_secondary_indexes[0].projection.non_key_attributes[0]','projection.non_key_attributes_total','(101)')])
