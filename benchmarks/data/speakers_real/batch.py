"""Print articles i..j of a set's sample order: python3 batch.py SET I J"""
import subprocess, sys
from sample import order
name, i, j = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for aid in order(name)[i:j]:
    subprocess.run([sys.executable, "show.py", name, aid])
