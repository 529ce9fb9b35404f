import { describe, expect, it } from 'vitest';
import { redactPath } from './create-app.tsx';

describe('redactPath', () => {
  it('keeps invitation tokens out of the request log', () => {
    expect(redactPath('/convite/abc123def')).toBe('/convite/[token]');
    expect(redactPath('/convite/abc123def/aceitar')).toBe('/convite/[token]/aceitar');
    expect(redactPath('/usuarios/convite')).toBe('/usuarios/convite');
    expect(redactPath('/bases/1001')).toBe('/bases/1001');
  });
});
