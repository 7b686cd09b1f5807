// Files a page fetches from the API with the session's token and hands to the browser: forms, the register.
import { ApiError } from './api';
import { currentSession } from './auth';
import { loadConfig } from './config';

/** The name in `Content-Disposition` (RFC 6266's `filename*` first), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // Fall through to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** A file from the API (`/cases/…/forms/receipt`), as a blob and its name; an ApiError when it is refused. */
export async function fetchApiFile(
  path: string,
  fallbackName: string,
): Promise<{ blob: Blob; name: string }> {
  const config = await loadConfig();
  const token = currentSession()?.accessToken;
  const response = await fetch(`${config.apiBaseUrl.replace(/\/$/, '')}${path}`, {
    headers: {
      accept: '*/*',
      'accept-language': document.documentElement.lang === 'en' ? 'en' : 'vi',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  }).catch(() => null);
  if (!response?.ok) {
    let problem = null;
    try {
      problem = response ? await response.json() : null;
    } catch {
      problem = null;
    }
    throw new ApiError(response?.status ?? 0, problem, null);
  }
  return {
    blob: await response.blob(),
    name: fileNameOf(response.headers.get('content-disposition'), fallbackName),
  };
}

/** Saves a blob under `name`, as a download link the browser follows at once. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to have started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
