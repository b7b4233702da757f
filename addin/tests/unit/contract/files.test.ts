import { describe, expect, it, vi } from 'vitest';
import { blobToBase64, escapeHtml } from '../../../src/outlook/contract/files';
import { saveBlob as downloadBlob } from '../../../src/shared/files';
import { fieldLabel } from '../../../src/outlook/contract/labels';
import { replyHtml } from '../../../src/outlook/contract/reply';

describe('files', () => {
  it('base64 of a Blob, binary and Cyrillic bytes', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80]);
    expect(await blobToBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
    expect(await blobToBase64(new Blob(['Договор']))).toBe(Buffer.from('Договор', 'utf8').toString('base64'));
    expect(await blobToBase64(new Blob([]))).toBe('');
  });

  it('base64 of a large Blob (more than one chunk)', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(await blobToBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('downloads through an object URL and an <a download>', () => {
    const create = vi.fn(() => 'blob:x');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadBlob(new Blob(['x']), 'Договор 2026-0042.docx');
    expect(create).toHaveBeenCalled();
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe('Договор 2026-0042.docx');
    click.mockRestore();
    vi.unstubAllGlobals();
  });
});

describe('labels and the reply', () => {
  it('known field names have Russian labels; an unknown one shows itself', () => {
    expect(fieldLabel('client.inn')).toBe('ИНН клиента');
    expect(fieldLabel('items')).toBe('Позиции');
    expect(fieldLabel('price')).toBe('Цена, ₽');
    expect(fieldLabel('mystery_field')).toBe('mystery_field');
  });

  it('the reply is short Russian HTML with the number, escaped', () => {
    const html = replyHtml('2026-0042');
    expect(html).toContain('Направляем договор № 2026-0042');
    expect(escapeHtml('<b>&"')).toBe('&lt;b&gt;&amp;&quot;');
  });
});
