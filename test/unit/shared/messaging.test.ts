import { describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage } } }));
const { MessageError, sendToBackground } = await import('../../../src/shared/messaging');

describe('sendToBackground', () => {
  it('gives the data of a reply that succeeded, null included', async () => {
    sendMessage.mockResolvedValueOnce({ ok: true, data: [{ id: 'a' }] });
    expect(await sendToBackground('search:query', { query: 'a', limit: 5 })).toEqual([{ id: 'a' }]);
    sendMessage.mockResolvedValueOnce({ ok: true, data: null });
    expect(await sendToBackground('statement:get', { id: 'x' })).toBeNull();
    expect(sendMessage).toHaveBeenLastCalledWith({ type: 'statement:get', payload: { id: 'x' } });
  });

  it('throws when the handler failed, so a failure is never read as "nothing"', async () => {
    sendMessage.mockResolvedValueOnce({ ok: false, error: 'statement:get failed' });
    await expect(sendToBackground('statement:get', { id: 'x' })).rejects.toThrow(MessageError);
  });

  it('throws when nothing answered (a refused message)', async () => {
    sendMessage.mockResolvedValueOnce(undefined);
    await expect(sendToBackground('card:get', { entity: 'e', pageText: '' })).rejects.toThrow(
      /"card:get" failed: no answer/,
    );
  });
});
