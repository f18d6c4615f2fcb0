import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

describe('cli', () => {
  it('rejects an unknown command with exit code 2', async () => {
    expect(await main(['no-such-command'])).toBe(2);
  });
});
