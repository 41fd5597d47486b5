import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Counter, Gauge, Histogram, Info, Registry, ServiceMetrics } from '../../src/serve/metrics.js';

test('counters with labels render in the exposition format, label values escaped', () => {
  const c = new Counter('x_total', 'Things.');
  assert.equal(c.render(), '# HELP x_total Things.\n# TYPE x_total counter\nx_total 0\n');
  c.inc({ b: '2', a: 'q"uo\\te\n' });
  c.inc({ a: 'q"uo\\te\n', b: '2' }, 2);
  assert.equal(c.get({ b: '2', a: 'q"uo\\te\n' }), 3);
  assert.equal(c.render(), '# HELP x_total Things.\n# TYPE x_total counter\nx_total{a="q\\"uo\\\\te\\n",b="2"} 3\n');
  assert.throws(() => c.inc({}, -1), /can only increase/);
});

test('histogram buckets are cumulative, with +Inf, _sum and _count', () => {
  const h = new Histogram('lat_seconds', 'Latency.', [0.1, 1]);
  for (const v of [0.05, 0.1, 0.5, 3]) h.observe(v, { route: '/a' });
  assert.equal(
    h.render(),
    '# HELP lat_seconds Latency.\n# TYPE lat_seconds histogram\n' +
      'lat_seconds_bucket{le="0.1",route="/a"} 2\nlat_seconds_bucket{le="1",route="/a"} 3\nlat_seconds_bucket{le="+Inf",route="/a"} 4\n' +
      'lat_seconds_sum{route="/a"} 3.65\nlat_seconds_count{route="/a"} 4\n',
  );
  assert.throws(() => new Histogram('h', 'h', [1, 1]), /buckets must increase/);
});

test('gauges read their value when rendered; info is a constant 1 with labels', () => {
  let v = 1;
  const r = new Registry();
  r.register(new Gauge('g', 'G.', () => v));
  r.register(new Info('i', 'I.', { id: 'abc' }));
  v = NaN;
  assert.equal(r.render(), '# HELP g G.\n# TYPE g gauge\ng NaN\n# HELP i I.\n# TYPE i gauge\ni{id="abc"} 1\n');
});

test('the service metrics: flagged rate follows the counters', () => {
  const m = new ServiceMetrics({ model_id: 'm' });
  assert.match(m.registry.render(), /^tracehound_flagged_rate 0$/m);
  m.eventsScored.inc({}, 8);
  m.eventsFlagged.inc({}, 2);
  assert.match(m.registry.render(), /^tracehound_flagged_rate 0.25$/m);
});
