// The console queue's script: signed in as an official (or an admin), it draws the agency's queue.
import { mountAccountBar } from '../components/account/behaviour';
import { requireSession } from '../lib/auth';
import { startPage } from '../lib/start';
import { startQueue } from './queue';

const lang = startPage();
const session = requireSession({ roles: ['official', 'admin'] });
if (session) {
  mountAccountBar(lang);
  void startQueue(lang, session);
}
