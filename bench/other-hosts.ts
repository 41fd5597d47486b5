// The Kaggle per-host heads (kaggle_labelled_2021may-ip-*_head100 in ../shared/data/beth): 100 real,
// labelled events from each of five other BETH hosts. Their process log has no threadId and no
// mountNamespace column, so for this indicative check threadId = processId (a process's main thread)
// and mountNamespace = the host namespace 4026531840 (ASSUMED, not observed). A bench helper, not a
// reader for the project: `tracehound` itself refuses these files (a missing column is an error).

import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { csvRecords } from '../src/data/csv-records.js';
import { tableFromColumns, type FeatureName, type Table } from '../src/data/table.js';

export const ASSUMED_MOUNT_NAMESPACE = 4026531840;

export async function otherHostsTable(bethDir: string): Promise<Table> {
  const files = readdirSync(bethDir).filter((f) => /^kaggle_labelled_2021may-ip-.*_head100\.csv\.gz$/.test(f)).sort();
  const cols: Record<FeatureName, number[]> = {
    processId: [], threadId: [], parentProcessId: [], userId: [], mountNamespace: [], argsNum: [], returnValue: [],
  };
  const labels: number[] = [];
  for (const f of files) {
    const stream = createReadStream(join(bethDir, f)).pipe(createGunzip()).setEncoding('utf8');
    let header: string[] | null = null;
    for await (const r of csvRecords(stream as AsyncIterable<string>)) {
      if (!header) {
        header = r.fields;
        continue;
      }
      const get = (name: string): number => {
        const v = Number(r.fields[header!.indexOf(name)]);
        if (!Number.isFinite(v)) throw new Error(`${f} line ${r.line}: '${name}' is not a number`);
        return v;
      };
      cols.processId.push(get('processId'));
      cols.threadId.push(get('processId'));
      cols.parentProcessId.push(get('parentProcessId'));
      cols.userId.push(get('userId'));
      cols.mountNamespace.push(ASSUMED_MOUNT_NAMESPACE);
      cols.argsNum.push(get('argsNum'));
      cols.returnValue.push(get('returnValue'));
      labels.push(get('sus'));
    }
  }
  return tableFromColumns(cols, labels);
}
