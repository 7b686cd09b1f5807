// The console's script: signed in as an official (or an admin), it draws the queue or the case the page is for.
import { mountAccountBar } from '../components/account/behaviour';
import { requireSession } from '../lib/auth';
import { startPage } from '../lib/start';
import { startCasePage } from './case';
import { startQueue } from './queue';

const lang = startPage();
const session = requireSession({ roles: ['official', 'admin'] });
if (session) {
  mountAccountBar(lang);
  if (document.querySelector('[data-console="queue"]')) void startQueue(lang, session);
  else if (document.getElementById('case')) void startCasePage(lang, session);
}
