/* A plain C binary-heap Dijkstra (lazy deletion, CSR graph): the baseline of
 * issue 7's routing goal ("one-to-all within 1.1x of a plain C binary-heap
 * Dijkstra"). Reads the arc list written by `reserve bench-routing --export FILE`
 * ("n m" then "u v hours" per arc) and the sources on the command line; for each
 * source prints "source reachable sumHours bestMilliseconds" (best of REPEAT runs).
 * Build: gcc -O2 -o dijkstra dijkstra.c   Run: ./dijkstra FILE REPEAT s1 s2 ... */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <math.h>

typedef struct { double key; int node; } Entry;
static Entry *heap; static int heapSize;

static void push(double key, int node) {
    int i = heapSize++;
    while (i > 0) {
        int p = (i - 1) / 2;
        if (heap[p].key <= key) break;
        heap[i] = heap[p]; i = p;
    }
    heap[i].key = key; heap[i].node = node;
}

static Entry pop(void) {
    Entry top = heap[0], last = heap[--heapSize];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= heapSize) break;
        if (c + 1 < heapSize && heap[c + 1].key < heap[c].key) c++;
        if (heap[c].key >= last.key) break;
        heap[i] = heap[c]; i = c;
    }
    heap[i] = last;
    return top;
}

static double now_ms(void) {
    struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s FILE REPEAT SOURCE...\n", argv[0]); return 64; }
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 66; }
    int n, m;
    if (fscanf(f, "%d %d", &n, &m) != 2) { fprintf(stderr, "bad header\n"); return 65; }
    int *tail = malloc(sizeof(int) * m), *head = malloc(sizeof(int) * m);
    double *w = malloc(sizeof(double) * m);
    for (int e = 0; e < m; e++)
        if (fscanf(f, "%d %d %lf", &tail[e], &head[e], &w[e]) != 3) { fprintf(stderr, "bad arc %d\n", e); return 65; }
    fclose(f);
    int *start = calloc(n + 1, sizeof(int)), *adj = malloc(sizeof(int) * m);
    double *cost = malloc(sizeof(double) * m);
    for (int e = 0; e < m; e++) start[tail[e] + 1]++;
    for (int u = 0; u < n; u++) start[u + 1] += start[u];
    int *next = malloc(sizeof(int) * n);
    for (int u = 0; u < n; u++) next[u] = start[u];
    for (int e = 0; e < m; e++) { int k = next[tail[e]]++; adj[k] = head[e]; cost[k] = w[e]; }
    double *dist = malloc(sizeof(double) * n);
    heap = malloc(sizeof(Entry) * (m + 1));
    int repeat = atoi(argv[2]);
    for (int a = 3; a < argc; a++) {
        int s = atoi(argv[a]);
        double best = 1e300, sum = 0; int reached = 0;
        for (int r = 0; r < repeat; r++) {
            double t0 = now_ms();
            for (int u = 0; u < n; u++) dist[u] = INFINITY;
            heapSize = 0; dist[s] = 0; push(0, s);
            while (heapSize > 0) {
                Entry top = pop();
                if (top.key > dist[top.node]) continue;
                for (int k = start[top.node]; k < start[top.node + 1]; k++) {
                    double d = top.key + cost[k];
                    if (d < dist[adj[k]]) { dist[adj[k]] = d; push(d, adj[k]); }
                }
            }
            double t = now_ms() - t0;
            if (t < best) best = t;
        }
        sum = 0; reached = 0;
        for (int u = 0; u < n; u++) if (isfinite(dist[u])) { sum += dist[u]; reached++; }
        printf("%d %d %.9f %.6f\n", s, reached, sum, best);
    }
    return 0;
}
