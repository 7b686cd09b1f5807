// The console action page's script (its own bundle: the forms of the actions load only where they are used):
// signed in as an official (or an admin), it asks for the action the address names. The code lives in web/console/.
import { mountAccountBar } from '../components/account/behaviour';
import { startActionPage } from '../console/action-page';
import { requireSession } from '../lib/auth';
import { startPage } from '../lib/start';

const lang = startPage();
const session = requireSession({ roles: ['official', 'admin'] });
if (session) {
  mountAccountBar(lang);
  void startActionPage(lang, session);
}
