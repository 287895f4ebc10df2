#!/usr/bin/env python3
"""spark_kafka_order.py - an independent model of the orders Spark 3.5 (Scala 2.12) shows for
Kafka partitions, for the expectations of tests/tools/run_kafka_order.sh:
  fresh   the input partitions of a batch planned from Admin.listOffsets (a java.util.HashMap
          copied into a scala mutable.HashMap, then toMap; more than 4 entries: a hash trie)
  json    JsonUtils.partitionOffsets' key order (mutable.HashMap of topics, of partitions)
  replay  a batch whose end offsets were read back from that JSON
Checked against Spark's own example (structured-streaming-programming-guide: partitions
"2","4","1","3","0" of a 5-partition topic): `mutable(range(5))`.

  spark_kafka_order.py fresh|json|replay TOPIC-PARTITION...
"""
M=0xffffffff
def s32(x):
    x&=M
    return x-(1<<32) if x>>31 else x
def rb(x): return int.from_bytes((x&M).to_bytes(4,'big'),'little')
def byteswap32(v): return ((rb((v*0x9e3775cd)&M))*0x9e3775cd)&M
def mut_index(h,tlen):
    i=byteswap32(h&M); r=((i>>4)|(i<<28))&M
    bits=tlen.bit_length()-1
    return r>>(32-bits)
def mutable(keys,hf):
    tlen=16; table=[[] for _ in range(16)]; size=0
    for k in keys:
        table[mut_index(hf(k),tlen)].insert(0,k); size+=1
        if size>tlen*750//1000:
            nt=[[] for _ in range(2*tlen)]
            for b in range(tlen-1,-1,-1):
                for e in table[b]: nt[mut_index(hf(e),2*tlen)].insert(0,e)
            table=nt; tlen*=2
    out=[]
    for b in reversed(table): out+=b
    return out
def jhash(s):
    h=0
    for c in s: h=(31*h+ord(c))&M
    return h
def tph(tp): return (31*(31+tp[1])+jhash(tp[0]))&M
def improve(h):
    h&=M; h=(h+(~(h<<9)))&M; h^=h>>14; h=(h+(h<<4))&M; return h^(h>>10)
def trie(keys,hf):
    def key(k):
        h=improve(hf(k)); return [(h>>l)&31 for l in range(0,32,5)]
    return sorted(keys,key=key)
def fresh(tps):
    tps=sorted(tps); n=len(tps)
    if n>4: return trie(tps,tph)
    cap={1:2,2:4,3:4,4:8}[n]
    java=sorted(tps,key=lambda t:((tph(t)^(tph(t)>>16))&(cap-1)))
    return mutable(java,tph)
def json_order(tps):
    topics=mutable(sorted(set(t for t,_ in tps)),jhash)
    return [(t,p) for t in topics for p in mutable(sorted(p for tt,p in tps if tt==t),lambda x:x&M)]
def replay(tps):
    j=json_order(tps)
    return j if len(j)<=4 else trie(j,tph)
if __name__=='__main__':
    import sys
    tps=[(a.rsplit('-',1)[0],int(a.rsplit('-',1)[1])) for a in sys.argv[2:]]
    print({'fresh':fresh,'json':json_order,'replay':replay}[sys.argv[1]](tps))
