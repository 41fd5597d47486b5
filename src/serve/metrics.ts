// A very small Prometheus registry: counters, gauges and histograms with labels, rendered in the
// text exposition format (version 0.0.4). Written here rather than pulling prom-client because the
// service needs six series and the format is a page long.

type Labels = Record<string, string>;

function labelKey(labels: Labels): string {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return '';
  return '{' + names.map((n) => `${n}="${escapeLabel(labels[n])}"`).join(',') + '}';
}

/** Label values escape backslash, double quote and newline (exposition format rules). */
function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function fmt(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

interface Metric {
  render(): string;
}

export class Counter implements Metric {
  private readonly values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new RangeError(`counter ${this.name} can only increase (got ${by})`);
    const k = labelKey(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }
  render(): string {
    let s = `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} counter\n`;
    if (this.values.size === 0) s += `${this.name} 0\n`;
    for (const [k, v] of this.values) s += `${this.name}${k} ${fmt(v)}\n`;
    return s;
  }
}

export class Gauge implements Metric {
  constructor(readonly name: string, readonly help: string, private readonly read: () => number) {}
  render(): string {
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} gauge\n${this.name} ${fmt(this.read())}\n`;
  }
}

/** An info-style gauge: constant 1 with labels that describe the thing (model id, version). */
export class Info implements Metric {
  constructor(readonly name: string, readonly help: string, private readonly labels: Labels) {}
  render(): string {
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} gauge\n${this.name}${labelKey(this.labels)} 1\n`;
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; counts: Float64Array; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {
    for (let i = 1; i < buckets.length; i++) {
      if (!(buckets[i] > buckets[i - 1])) throw new RangeError(`histogram ${name}: buckets must increase`);
    }
  }
  observe(value: number, labels: Labels = {}): void {
    const k = labelKey(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { labels, counts: new Float64Array(this.buckets.length), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    // Buckets are cumulative in the exposition; store per-bucket counts and add up when rendering.
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) s.counts[i]++;
    s.sum += value;
    s.count++;
  }
  count(labels: Labels = {}): number {
    return this.series.get(labelKey(labels))?.count ?? 0;
  }
  render(): string {
    let s = `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} histogram\n`;
    for (const series of this.series.values()) {
      let cum = 0;
      this.buckets.forEach((b, i) => {
        cum += series.counts[i];
        s += `${this.name}_bucket${labelKey({ ...series.labels, le: fmt(b) })} ${cum}\n`;
      });
      s += `${this.name}_bucket${labelKey({ ...series.labels, le: '+Inf' })} ${series.count}\n`;
      s += `${this.name}_sum${labelKey(series.labels)} ${fmt(series.sum)}\n`;
      s += `${this.name}_count${labelKey(series.labels)} ${series.count}\n`;
    }
    return s;
  }
}

export class Registry {
  private readonly metrics: Metric[] = [];
  register<M extends Metric>(m: M): M {
    this.metrics.push(m);
    return m;
  }
  render(): string {
    return this.metrics.map((m) => m.render()).join('');
  }
}

/** Content type of the text exposition format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** The service's metrics, in one place so routes and hooks share them. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Counter;
  readonly latency: Histogram;
  readonly eventsScored: Counter;
  readonly eventsFlagged: Counter;
  readonly driftWarnings: Counter;

  constructor(modelInfo: Labels) {
    const r = this.registry;
    r.register(new Info('tracehound_model_info', 'The model being served.', modelInfo));
    this.requests = r.register(new Counter('tracehound_http_requests_total', 'HTTP requests by route, method and status code.'));
    this.latency = r.register(
      new Histogram('tracehound_http_request_duration_seconds', 'HTTP request latency in seconds by route.', [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
      ]),
    );
    this.eventsScored = r.register(new Counter('tracehound_events_scored_total', 'Events scored.'));
    this.eventsFlagged = r.register(new Counter('tracehound_events_flagged_total', 'Events labelled suspicious (score at or above the threshold).'));
    r.register(
      new Gauge('tracehound_flagged_rate', 'Share of scored events labelled suspicious since start.', () => {
        const n = this.eventsScored.get();
        return n === 0 ? 0 : this.eventsFlagged.get() / n;
      }),
    );
    this.driftWarnings = r.register(
      new Counter('tracehound_drift_warnings_total', 'Windows of events in which a feature left the training range for a large share of rows.'),
    );
  }
}
