import { describe, expect, it } from 'vitest';
import { datasetIndexOf } from './dataset-index.ts';
import { nextTask } from './next-task.ts';
import { viewPreparation } from './prepare-views.ts';
import { sortOrderOf } from './sort-incidents.ts';
import { timeOrderOf } from './time-order.ts';
import { syntheticIncidents } from './test/synthetic.ts';

describe('viewPreparation', () => {
  it('builds, step by step, the very indexes the views then ask for', () => {
    const incidents = syntheticIncidents(50);
    const steps = viewPreparation(incidents);
    for (const step of steps) step();
    const index = datasetIndexOf(incidents);
    expect(datasetIndexOf(incidents)).toBe(index);
    expect(timeOrderOf(incidents)).toBe(timeOrderOf(incidents));
    expect(timeOrderOf(incidents).dataset).toBe(index);
    expect(sortOrderOf(index, 'date', 'ascending')).toBe(sortOrderOf(index, 'date', 'ascending'));
  });
  it('a copy of the list is another dataset, indexed apart', () => {
    const incidents = syntheticIncidents(20);
    expect(datasetIndexOf([...incidents])).not.toBe(datasetIndexOf(incidents));
  });
});

describe('nextTask', () => {
  it('resolves after the current task, microtasks first', async () => {
    const order: string[] = [];
    const done = nextTask().then(() => order.push('task'));
    await Promise.resolve().then(() => order.push('microtask'));
    await done;
    expect(order).toEqual(['microtask', 'task']);
  });
});
