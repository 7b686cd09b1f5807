// The console case page's script (its own bundle, so that neither console page loads the other's code): signed in
// as an official (or an admin), it draws the case named in the address. The code lives in web/console/.
import { mountAccountBar } from '../components/account/behaviour';
import { startCasePage } from '../console/case';
import { requireSession } from '../lib/auth';
import { startPage } from '../lib/start';

const lang = startPage();
const session = requireSession({ roles: ['official', 'admin'] });
if (session) {
  mountAccountBar(lang);
  void startCasePage(lang);
}
