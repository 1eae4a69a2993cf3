/**
 * Min-cost flow by successive shortest paths with node potentials (Edmonds–Karp / Tomizawa): Dijkstra on
 * reduced costs c(u,v) + p(u) − p(v) ≥ 0 finds each cheapest augmenting path. Costs are integers held in doubles
 * (exact below 2^53). Arcs must run from a lower to a higher node id, so the network is a DAG and the
 * first potentials are one pass of relaxations in id order (costs may be negative).
 */
export class MinCostFlow {
  readonly nodes: number;
  #to: number[] = [];
  #cap: number[] = [];
  #cost: number[] = [];
  #head: Int32Array;
  #next: number[] = [];
  #potential: Float64Array;

  constructor(nodes: number) {
    this.nodes = nodes;
    this.#head = new Int32Array(nodes).fill(-1);
    this.#potential = new Float64Array(nodes);
  }

  /** Adds u→v with capacity and cost; returns the arc id (its residual twin is id ^ 1). */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (!(u < v)) throw new RangeError(`arc ${u}→${v}: arcs must run from a lower to a higher node id`);
    const id = this.#to.length;
    this.#push(u, v, capacity, cost);
    this.#push(v, u, 0, -cost);
    return id;
  }

  #push(u: number, v: number, capacity: number, cost: number): void {
    this.#to.push(v);
    this.#cap.push(capacity);
    this.#cost.push(cost);
    this.#next.push(this.#head[u] ?? -1);
    this.#head[u] = this.#to.length - 1;
  }

  /** Flow on arc `id` (as returned by addArc). */
  flow(id: number): number {
    return this.#cap[id ^ 1] ?? 0;
  }

  /** The node potentials after solve(): optimal duals (every residual arc has a non-negative reduced cost). */
  potentials(): Float64Array {
    return this.#potential;
  }

  get arcCount(): number {
    return this.#to.length / 2;
  }

  /**
   * Sends flow from s to t while a path of negative cost exists (the cheapest first), i.e. the minimum
   * cost over all flow values. Returns the flow sent and its cost. `onPhase` sees the flow after each path.
   */
  solve(s: number, t: number, onPhase?: (flow: number) => void): { flow: number; cost: number; phases: number } {
    this.#initialPotentials(s);
    const n = this.nodes;
    // Typed copies for the hot loop; their reads are in bounds by construction, hence the `as number`.
    const to = Int32Array.from(this.#to);
    const next = Int32Array.from(this.#next);
    const head = this.#head;
    const cost = Float64Array.from(this.#cost);
    const cap = Float64Array.from(this.#cap);
    const p = this.#potential;
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const via = new Int32Array(n);
    const heap = new BinaryHeap(n);
    let flow = 0;
    let total = 0;
    let phases = 0;
    try {
      for (;;) {
        dist.fill(Infinity);
        done.fill(0);
        dist[s] = 0;
        heap.push(s, 0);
        let reached = Infinity;
        while (heap.size > 0) {
          const u = heap.pop();
          if (done[u]) continue;
          done[u] = 1;
          const du = dist[u] as number;
          if (u === t) {
            reached = du;
            break;
          }
          const pu = p[u] as number;
          for (let e = head[u] as number; e !== -1; e = next[e] as number) {
            if ((cap[e] as number) <= 0) continue;
            const v = to[e] as number;
            if (done[v]) continue;
            const nd = du + (cost[e] as number) + pu - (p[v] as number);
            if (nd < (dist[v] as number)) {
              dist[v] = nd;
              via[v] = e;
              heap.push(v, nd);
            }
          }
        }
        heap.clear();
        if (reached === Infinity) break;
        // Early termination: nodes beyond t move by dist(t), which keeps every reduced cost non-negative.
        for (let v = 0; v < n; v++) p[v] = (p[v] as number) + Math.min(dist[v] as number, reached);
        const pathCost = (p[t] as number) - (p[s] as number);
        if (pathCost >= 0) break;
        let push = Infinity;
        for (let v = t; v !== s; v = to[(via[v] as number) ^ 1] as number)
          push = Math.min(push, cap[via[v] as number] as number);
        for (let v = t; v !== s; v = to[(via[v] as number) ^ 1] as number) {
          const e = via[v] as number;
          cap[e] = (cap[e] as number) - push;
          cap[e ^ 1] = (cap[e ^ 1] as number) + push;
        }
        flow += push;
        total += push * pathCost;
        phases++;
        onPhase?.(flow);
      }
    } finally {
      this.#cap = Array.from(cap);
    }
    return { flow, cost: total, phases };
  }

  /** Shortest distances from s over the (acyclic, id-ordered) network: valid potentials for negative costs. */
  #initialPotentials(s: number): void {
    const p = this.#potential;
    p.fill(Infinity);
    p[s] = 0;
    for (let u = 0; u < this.nodes; u++) {
      const pu = p[u] ?? Infinity;
      if (pu === Infinity) continue;
      for (let e = this.#head[u] ?? -1; e !== -1; e = this.#next[e] ?? -1) {
        const v = this.#to[e] ?? 0;
        if ((this.#cap[e] ?? 0) > 0 && v > u && pu + (this.#cost[e] ?? 0) < (p[v] ?? Infinity))
          p[v] = pu + (this.#cost[e] ?? 0);
      }
    }
    // Unreachable nodes: any finite value above every reachable one keeps all reduced costs ≥ 0.
    let top = 0;
    for (const x of p) if (x !== Infinity && x > top) top = x;
    for (let v = 0; v < this.nodes; v++) if (p[v] === Infinity) p[v] = top;
  }
}

/** A binary min-heap of (node, key) with lazy deletion (a node may appear more than once). */
class BinaryHeap {
  #nodes: Int32Array;
  #keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.#nodes = new Int32Array(Math.max(16, capacity));
    this.#keys = new Float64Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, key: number): void {
    if (this.size === this.#nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.#nodes);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.#keys);
      this.#nodes = nodes;
      this.#keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.#keys[parent] ?? 0) <= key) break;
      this.#nodes[i] = this.#nodes[parent] ?? 0;
      this.#keys[i] = this.#keys[parent] ?? 0;
      i = parent;
    }
    this.#nodes[i] = node;
    this.#keys[i] = key;
  }

  pop(): number {
    const top = this.#nodes[0] ?? 0;
    const last = --this.size;
    const node = this.#nodes[last] ?? 0;
    const key = this.#keys[last] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && (this.#keys[child + 1] ?? 0) < (this.#keys[child] ?? 0)) child++;
      if ((this.#keys[child] ?? 0) >= key) break;
      this.#nodes[i] = this.#nodes[child] ?? 0;
      this.#keys[i] = this.#keys[child] ?? 0;
      i = child;
    }
    this.#nodes[i] = node;
    this.#keys[i] = key;
    return top;
  }
}
