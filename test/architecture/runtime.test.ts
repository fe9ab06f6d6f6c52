import { describe, expect, it } from 'vitest';

describe('the test runtime', () => {
  it('is Node 24, installed by the node devDependency, whatever node the shell has', () => {
    expect(process.version).toMatch(/^v24\./);
    expect(process.execPath).toContain('node_modules');
  });
});
