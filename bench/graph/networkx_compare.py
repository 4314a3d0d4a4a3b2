#!/usr/bin/python3
"""NetworkX on the same edge list as `bench_graph compare`, for the side-by-side figures.

    networkx_compare.py FILE.csv PIVOTS

Prints one line: load=S pagerank=S betweenness=S communities=S modularity=Q
(betweenness sampled from PIVOTS sources; communities by NetworkX's Louvain, the closest it
has to Leiden).
"""
import csv
import sys
import time

import networkx as nx


def main():
    path, pivots = sys.argv[1], int(sys.argv[2])
    t = time.perf_counter()
    g = nx.Graph()
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        g.add_edges_from((r[0], r[1]) for r in rows)
    load = time.perf_counter() - t

    t = time.perf_counter()
    nx.pagerank(g, alpha=0.85)
    pagerank = time.perf_counter() - t

    t = time.perf_counter()
    nx.betweenness_centrality(g, k=min(pivots, g.number_of_nodes()), seed=7)
    betweenness = time.perf_counter() - t

    t = time.perf_counter()
    parts = nx.community.louvain_communities(g, seed=1)
    communities = time.perf_counter() - t
    q = nx.community.modularity(g, parts)
    print(f"load={load:.4f} pagerank={pagerank:.4f} betweenness={betweenness:.4f} "
          f"communities={communities:.4f} modularity={q:.4f}")


if __name__ == "__main__":
    main()
