// The fee payment page: the signed-in applicant's case and its fee, and "Thanh toán" / "Pay", which starts an attempt
// and leads to the gateway (the case's page shows how it went, once the gateway sends the browser back).
import { mountAccountBar } from '../components/account/behaviour';
import { showErrorSummary } from '../components/error-summary/behaviour';
import { errorSummary } from '../components/error-summary/error-summary';
import { problemSummary } from '../components/error-summary/problem';
import { notice } from '../components/notice/notice';
import { summaryList } from '../components/summary-list/summary-list';
import { apiFetch } from '../lib/api';
import type { CaseView, ProcedureDetail } from '../lib/api-types';
import { requireSession } from '../lib/auth';
import { byId, queryParam, render } from '../lib/dom';
import { formatMoney } from '../lib/format';
import { h } from '../lib/html';
import { pick } from '../lib/i18n';
import { payOnline } from '../lib/payment';
import { startPage } from '../lib/start';
import { pages } from '../lib/urls';
import { PAY_TEXTS } from './texts';

const lang = startPage();
const text = PAY_TEXTS[lang];
const errorBox = byId('error');
const statusLine = byId('status');
const panel = byId('payment');

async function show(code: string) {
  statusLine.textContent = text.loading;
  try {
    const found = await apiFetch<CaseView>(`/applications/${encodeURIComponent(code)}`);
    const caseLink = h('a', { href: pages(lang).myCase(code) }, text.viewCase);
    if (found.status !== 'awaiting_payment') {
      render(
        panel,
        notice(found.payment?.status === 'paid' ? text.paid : text.notDue),
        h('p', null, caseLink),
      );
      return;
    }
    // The procedure's fee only when the case does not carry its own amount: no second request otherwise.
    const amount =
      found.payment?.amount ??
      (await apiFetch<ProcedureDetail>(`/procedures/${encodeURIComponent(found.procedureId)}`)).fee?.amount ??
      0;
    const button = h('button', { type: 'button', id: 'pay' }, text.pay);
    render(
      panel,
      found.payment?.status === 'failed' ? notice(text.lastFailed) : null,
      summaryList([
        { key: text.code, value: found.code },
        { key: text.procedure, value: pick(found.procedureName, lang) },
        { key: text.amount, value: formatMoney(amount, lang) },
        { key: text.gateway, value: text.gatewayName },
      ]),
      button,
      h('p', null, caseLink),
    );
    byId<HTMLButtonElement>('pay').addEventListener('click', async (event) => {
      const pay = event.currentTarget as HTMLButtonElement;
      pay.disabled = true;
      statusLine.textContent = text.redirecting;
      try {
        await payOnline(code);
      } catch (error) {
        pay.disabled = false;
        statusLine.textContent = '';
        showErrorSummary(errorBox, problemSummary(error, lang, { titles: { 404: text.notFound } }));
      }
    });
  } catch (error) {
    showErrorSummary(errorBox, problemSummary(error, lang, { titles: { 404: text.notFound } }));
  } finally {
    if (statusLine.textContent === text.loading) statusLine.textContent = '';
  }
}

if (requireSession({ roles: ['citizen', 'business'] })) {
  mountAccountBar(lang);
  const code = queryParam('code');
  if (code) void show(code);
  else showErrorSummary(errorBox, errorSummary({ title: text.notFound }));
}
