// An upload's files live exactly as long as its record: the quarantined original goes once a case claims it (the
// case holds the checked copy), and every file of an unclaimed upload goes with its record (TTL, or a delete).
import { describe, expect, it } from 'vitest';
import { newCitizen, newOfficial } from '../support/accounts';
import { keysUnder } from '../support/bucket';
import { exeBytes, pdfBytes } from '../support/files';
import { BIRTH, COMMUNE, client, eventually, submitExample } from '../support/flows';
import { deleteItem, readItem } from '../support/table';
import { postToStorage, presignUpload, uploadFile, uploadVerdict } from '../support/uploads';

const c = client();
const DOCUMENT = 'medical-birth-certificate';
const uploadKey = (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' });
const filesOf = async (uploadId: string) => [
  ...(await keysUnder(`quarantine/${uploadId}`)),
  ...(await keysUnder(`documents/${uploadId}/`)),
];

describe('the files of an upload', () => {
  it('go with the record of an unclaimed upload when it expires', async () => {
    const { token } = await newCitizen();
    const uploadId = await uploadFile(c, token, { procedureId: BIRTH, documentType: DOCUMENT });
    const record = await readItem(uploadKey(uploadId));
    expect(record?.status).toBe('verified');
    expect((await filesOf(uploadId)).sort()).toEqual([record?.objectKey, `quarantine/${uploadId}`].sort());

    await deleteItem(uploadKey(uploadId));
    expect(
      await eventually(
        () => filesOf(uploadId),
        (keys) => keys.length === 0,
      ),
    ).toEqual([]);
  });

  it('of a claimed upload keep only the checked copy, which the case serves, whatever is posted later', async () => {
    const applicant = await newCitizen();
    const pdf = pdfBytes('giữ bản đã kiểm tra');
    const form = await presignUpload(c, applicant.token, {
      procedureId: BIRTH,
      documentType: DOCUMENT,
      bytes: pdf,
    });
    await postToStorage(form, pdf);
    const uploadId = form.uploadId;
    expect((await uploadVerdict(c, applicant.token, uploadId)).status).toBe('verified');
    const { objectKey } = (await readItem(uploadKey(uploadId))) ?? {};
    const created = await submitExample(c, applicant, BIRTH, [{ documentType: DOCUMENT, uploadId }]);
    expect(
      await eventually(
        () => filesOf(uploadId),
        (keys) => keys.length === 1,
      ),
    ).toEqual([objectKey]);

    // A later post to the same form leaves nothing behind either, and the case still holds its copy.
    await postToStorage(form, exeBytes(pdf.length));
    expect(
      await eventually(
        () => filesOf(uploadId),
        (keys) => keys.length === 1,
      ),
    ).toEqual([objectKey]);

    const official = await newOfficial(COMMUNE);
    const view = await c.get(`/api/cases/${created.code}`, { token: official.token });
    const served = await fetch(view.body.documents[0].downloadUrl);
    expect(
      Buffer.from(await served.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
