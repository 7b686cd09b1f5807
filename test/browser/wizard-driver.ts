// Drives the apply wizard by keyboard only, as someone without a mouse would: Tab from field to field, type what the
// answers say for the focused field (found by its `data-path`), choose radios with the arrow keys, tick boxes with
// Space, "add another" with Enter, and finally Enter on the page's main button. The answers are a procedure's own
// `data` (its published example), so every procedure of the catalogue is filled the same way.
import type { FileChooser, Page } from 'playwright-core';

type Answers = Record<string, unknown>;

/** The answer at a path of the wizard's controls (`business.industries[0].code`). */
function answerAt(data: Answers, path: string): unknown {
  let node: unknown = data;
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[match[2] ?? match[1]!];
  }
  return node;
}

interface Focused {
  readonly tag: string;
  readonly type: string;
  readonly path: string | null;
  readonly part: string | null;
  readonly action: string | null;
  readonly value: string;
  readonly checked: boolean;
  readonly text: string;
  readonly rendered: number;
}

async function focused(page: Page): Promise<Focused | null> {
  return (await page.evaluate(`(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const path = e.getAttribute('data-path');
    return {
      tag: e.tagName, type: e.getAttribute('type') || '', path, part: e.getAttribute('data-part'),
      action: e.getAttribute('data-action'), value: e.value ?? '', checked: Boolean(e.checked),
      text: (e.textContent || '').trim(),
      rendered: path ? document.querySelectorAll('[data-action="remove"][data-path^="' + path + '["]').length : 0,
    };
  })()`)) as Focused | null;
}

function partOf(value: string, part: string): string {
  const [year = '', month = '', day = ''] = value.split('-');
  const parts: Record<string, string> = { year, month: String(Number(month)), day: String(Number(day)) };
  return parts[part] ?? '';
}

/** Replaces the focused text field's content by typing. */
export async function typeInto(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/**
 * Fills the wizard's current page from `data` by keyboard, then presses Enter on `submit` (the page's main button,
 * by its visible name). Returns how many fields it answered.
 */
export async function fillPageByKeyboard(
  page: Page,
  data: Answers,
  submit: string,
  limit = 400,
): Promise<number> {
  await page.locator('#step-title').focus();
  let answered = 0;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const at = await focused(page);
    if (!at) continue;
    if (at.tag === 'BUTTON' && at.text === submit) {
      await page.keyboard.press('Enter');
      return answered;
    }
    if (at.action === 'add' && at.path) {
      const wanted = answerAt(data, at.path);
      if (Array.isArray(wanted) && wanted.length > at.rendered) {
        await page.keyboard.press('Enter');
        // Focus moves into the new item's first field: answer it before tabbing on.
        await page.waitForFunction(
          `document.activeElement && document.activeElement.matches('input, select, textarea')`,
        );
        await page.keyboard.press('Shift+Tab');
      }
      continue;
    }
    if (!at.path || at.action) continue;
    const wanted = answerAt(data, at.path);
    if (wanted === undefined || wanted === null || typeof wanted === 'object') continue;
    if (at.type === 'radio') {
      for (let step = 0; step < 10; step++) {
        const now = await focused(page);
        if (now?.value === String(wanted)) {
          if (!now.checked) await page.keyboard.press('Space');
          break;
        }
        await page.keyboard.press('ArrowDown');
      }
      answered++;
    } else if (at.type === 'checkbox') {
      if (Boolean(wanted) !== at.checked) await page.keyboard.press('Space');
      answered++;
    } else if (at.tag === 'SELECT') {
      await page.keyboard.press('Home');
      for (let step = 0; step < 60 && (await focused(page))?.value !== String(wanted); step++) {
        await page.keyboard.press('ArrowDown');
      }
      answered++;
    } else if (at.part) {
      await typeInto(page, partOf(String(wanted), at.part));
      if (at.part === 'year') answered++;
    } else {
      await typeInto(page, String(wanted));
      answered++;
    }
  }
  throw new Error(`"${submit}" was not reached with ${limit} presses of Tab`);
}

/** File choosers each page opened, waiting to be answered (see `nextFileChooser`). */
const choosers = new WeakMap<
  Page,
  { ready: Promise<void>; opened: FileChooser[]; waiting: ((c: FileChooser) => void)[] }
>();

/**
 * The next file chooser the page opens. The page's listener is set once and kept: Playwright intercepts the
 * browser's file dialog only while a listener exists, and turning that on races with the key that opens it.
 */
async function nextFileChooser(
  page: Page,
  open: () => Promise<void>,
  timeoutMs = 30_000,
): Promise<FileChooser> {
  let queue = choosers.get(page);
  if (!queue) {
    const created = { opened: [] as FileChooser[], waiting: [] as ((c: FileChooser) => void)[] };
    page.on('filechooser', (chooser) => {
      const waiter = created.waiting.shift();
      if (waiter) waiter(chooser);
      else created.opened.push(chooser);
    });
    // A round trip after the listener: the browser handles commands in order, so interception is on after it.
    queue = { ...created, ready: page.evaluate('0').then(() => undefined) };
    choosers.set(page, queue);
  }
  await queue.ready;
  const { opened, waiting } = queue;
  const next = new Promise<FileChooser>((resolve, reject) => {
    const early = opened.shift();
    if (early) return resolve(early);
    const timer = setTimeout(() => reject(new Error('no file chooser opened')), timeoutMs);
    waiting.push((chooser) => {
      clearTimeout(timer);
      resolve(chooser);
    });
  });
  await open();
  return next;
}

/**
 * Opens the file chooser of the file control `#id` by keyboard (Tab to it from the heading `from`, Enter) and gives
 * it `files`.
 */
export async function chooseFilesByKeyboard(
  page: Page,
  id: string,
  files: Parameters<FileChooser['setFiles']>[0],
  from = '#step-title',
) {
  await page.locator(from).focus();
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate('document.activeElement && document.activeElement.id')) === id) {
      const chooser = await nextFileChooser(page, () => page.keyboard.press('Enter'));
      return chooser.setFiles(files);
    }
  }
  throw new Error(`the file control #${id} was not reached by Tab`);
}

/** Presses Enter on the focused "Thay tệp" / "Replace" button and gives the file chooser it opens `files`. */
export async function replaceByKeyboard(page: Page, files: Parameters<FileChooser['setFiles']>[0]) {
  const chooser = await nextFileChooser(page, () => page.keyboard.press('Enter'));
  await chooser.setFiles(files);
}

/** Presses Tab until the focused element's id is `id`. */
export async function tabToId(page: Page, id: string, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate('document.activeElement && document.activeElement.id')) === id) return;
  }
  throw new Error(`#${id} was not reached by Tab`);
}

/** Presses Tab until the control named `name` has focus, then Enter. */
export async function pressByKeyboard(page: Page, name: string, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const text = (await page.evaluate(
      `(() => { const e = document.activeElement; return e ? (e.textContent || e.value || '').trim() : ''; })()`,
    )) as string;
    if (text === name) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`"${name}" was not reached with ${limit} presses of Tab`);
}

/** Signs `page`'s tab in as `account`, as the sign-in page would leave it (the session in sessionStorage). */
export async function signInAs(page: Page, baseUrl: string, account: { token: string }) {
  await page.goto(`${baseUrl}/signin/signed-out/`);
  await page.evaluate(
    `sessionStorage.setItem('motcua.auth.session', JSON.stringify({ accessToken: ${JSON.stringify(account.token)}, expiresAt: Date.now() + 3600000 }))`,
  );
}

/**
 * A real JPEG photo, drawn by Chromium: noise, so that it weighs what a phone's photo does. With `orientation`,
 * an EXIF APP1 segment saying so follows the start of image (6: the pixels must turn 90° clockwise to stand up).
 */
export async function realPhoto(
  browser: import('playwright-core').Browser,
  size: { width: number; height: number; orientation?: number },
): Promise<Buffer> {
  const page = await browser.newPage();
  const base64 = (await page.evaluate(`(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = ${size.width}; canvas.height = ${size.height};
    const context = canvas.getContext('2d');
    const image = context.createImageData(canvas.width, canvas.height);
    for (let i = 0; i < image.data.length; i++) image.data[i] = (i & 3) === 3 ? 255 : Math.random() * 256;
    context.putImageData(image, 0, 0);
    const blob = await new Promise((done) => canvas.toBlob(done, 'image/jpeg', 0.92));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  })()`)) as string;
  await page.close();
  const jpeg = Buffer.from(base64, 'base64');
  if (!size.orientation) return jpeg;
  const exif = Buffer.from([
    0xff,
    0xe1,
    0x00,
    0x22,
    0x45,
    0x78,
    0x69,
    0x66,
    0x00,
    0x00,
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08,
    0x00,
    0x01,
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    size.orientation,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
  ]);
  return Buffer.concat([jpeg.subarray(0, 2), exif, jpeg.subarray(2)]);
}
