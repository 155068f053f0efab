// A scenario and a product walked through the portal and Tasklist in a real Chromium (Debian's), driven by
// playwright-core:
//   node e2e/scenario-product.e2e.mjs <base> <keycloak> <outDir>
// op-cidu (an authorized operator of 景德镇) submits a scenario in the portal; the authority pre-checks it in Tasklist,
// 市发改委 ticks its line in Tasklist's checklist, the authority approves; op-cidu raises a data-quality issue on the
// line and sees it on the scenario's page, then submits a product of
// that scenario; the authority reviews and registers it in Tasklist; the portal shows it listed and the public product
// list shows its price. Screenshots of each step go to outDir, each portal page checked by axe-core (axe.mjs);
// exits non-zero on any failed step.
import { chromium } from 'playwright-core';
import { audit } from './axe.mjs';

const [base, keycloak, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
});
const today = new Date().toISOString().slice(0, 10);
const nextYear = new Date(Date.now() + 300 * 86400000).toISOString().slice(0, 10);

async function as(user) {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })).newPage();
  page.setDefaultTimeout(30000);
  return page;
}

async function login(page, user) {
  await page.fill('#username', user);
  await page.fill('#password', 'demo');
  await page.click('#kc-login');
}

async function token(user) {
  const r = await fetch(`${keycloak}/realms/approval/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'approval-portal', grant_type: 'password', username: user, password: 'demo' })
  });
  return (await r.json()).access_token;
}

/** The reviewer's open tasks of that name on the subject, as the engine's REST API shows them to that reviewer. */
async function openTasks(user, subject, taskName) {
  const r = await fetch(`${base}/engine-rest/task?processInstanceBusinessKey=${subject}&name=${encodeURIComponent(taskName)}`,
    { headers: { Authorization: 'Bearer ' + await token(user) } });
  return r.json();
}

async function until(what, check) {
  for (let i = 0; i < 120; i++) {
    const value = await check();
    if (value) return value;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error('gave up waiting: ' + what);
}

/**
 * Opens the reviewer's task on the subject in Tasklist, claims it, lets the caller fill the form, and completes it.
 * With viaPortal the reviewer starts from the portal's 我的待办 and follows its 去办理 link (single sign-on).
 */
async function inTasklist(user, subject, taskName, shot, fill, viaPortal = false) {
  const id = await until(`${user}: ${taskName} of ${subject}`, async () => (await openTasks(user, subject, taskName))[0]?.id);
  const page = await as(user);
  if (viaPortal) {
    await page.goto(base + '/portal/#/tasks');
    await login(page, user);
    const row = page.locator(`[data-testid="task-${id}"]`);
    await row.waitFor();
    const text = await row.innerText();
    if (!text.includes(taskName) || !text.includes(subject)) throw new Error('我的待办 lists the task with its case: ' + text);
    await page.screenshot({ path: `${out}/${shot}-my-tasks.png`, fullPage: true });
    await audit(page, `${shot}-my-tasks`);
    const href = await row.getByRole('link', { name: '去办理' }).getAttribute('href');
    await page.goto(base + href);
    // the webapp signs in through Keycloak's session without a password, then shows the task the link names
    await page.waitForSelector('text=本部门待办');
    await page.goto(base + href);
  } else {
    await page.goto(base + '/operaton/app/tasklist/default/');
    await login(page, user);
    await page.waitForSelector('text=本部门待办');
    await page.goto(`${base}/operaton/app/tasklist/default/#/?task=${id}`);
  }
  await page.getByText('认领', { exact: true }).click();
  await page.waitForSelector('.fjs-form');
  await fill(page);
  await page.screenshot({ path: `${out}/${shot}.png`, fullPage: true });
  await page.getByRole('button', { name: '办结' }).click();
  await until(`${user} completes ${taskName}`, async () => (await openTasks(user, subject, taskName)).length === 0)
    .catch(async e => {
      await page.screenshot({ path: `${out}/${shot}-not-completed.png`, fullPage: true });
      throw e;
    });
  await page.context().close();
}

let op;
try {
  op = await as('op-cidu');
  await op.goto(base + '/portal/#/scenarios/new');
  await login(op, 'op-cidu');
  await op.waitForSelector('#name');
  await op.click('button.primary');
  await op.waitForSelector('[data-testid="error-name"]');
  await op.fill('#name', '普惠金融信贷辅助');
  if (await op.locator('[data-testid="error-name"]').count() !== 0) throw new Error('a corrected field keeps its message');
  await op.selectOption('#domain', { index: 1 });
  await op.check('input[name=purpose][value=INDUSTRY]');
  await op.fill('#constructionPlan', '面向小微企业的信贷辅助评估场景建设方案。');
  await op.fill('#riskAssessment', '仅使用企业公开信用信息，不涉及个人隐私；结果不出平台。');
  await op.fill('#securityMeasures', '平台内加工，原始数据不出域，访问留痕。');
  await op.selectOption('#line-0-resource', 'fgw-enterprise-credit');
  await op.fill('#line-0-fields', '企业名称、信用等级');
  await op.fill('#line-0-from', today);
  await op.fill('#line-0-to', nextYear);
  await op.screenshot({ path: `${out}/s1-scenario-form.png`, fullPage: true });
  await audit(op, 's1-scenario-form');
  await op.click('button.primary');
  await op.waitForSelector('[data-testid=status]');
  const scenarioId = op.url().split('/').pop();
  await op.waitForSelector('text=待数据提供单位审核');
  await op.screenshot({ path: `${out}/s2-scenario-submitted.png`, fullPage: true });
  await audit(op, 's2-scenario-submitted');

  await inTasklist('authority', 'SCN-' + scenarioId, '场景预审', 's3-tasklist-pre-check', async page => {
    await page.getByLabel('通过，分送数据提供单位逐项审核').check();
  }, true);
  await inTasklist('fgw', 'SCN-' + scenarioId, '数据提供单位逐项审核', 's4-tasklist-provider-per-line', async page => {
    await page.getByLabel(/企业信用信息/).check();
    const line = page.locator('.fjs-form-field-checklist .fjs-form-field-label', { hasText: '企业信用信息' });
    if (await line.evaluate(l => l.scrollWidth > l.clientWidth)) throw new Error('the demand line is cut off in the form');
  });
  await inTasklist('authority', 'SCN-' + scenarioId, '作出场景审核决定', 's5-tasklist-decision', async page => {
    await page.getByLabel('通过', { exact: true }).check();
  });

  await op.goto(`${base}/portal/#/scenarios/${scenarioId}`);
  await op.waitForSelector('text=已通过', { timeout: 60000 });
  await op.screenshot({ path: `${out}/s6-scenario-approved.png`, fullPage: true });
  await audit(op, 's6-scenario-approved');
  await op.click('[data-testid=new-quality]');
  await op.waitForSelector('#line');
  await op.selectOption('#line', '1');
  await op.fill('#description', '企业信用等级字段有 3% 为空值');
  await op.click('button.primary');
  await op.waitForURL(/#\/quality\/\d+$/);
  await op.waitForSelector('text=处理数据质量问题并反馈');
  await op.goto(`${base}/portal/#/scenarios/${scenarioId}`);
  await op.waitForSelector('[data-testid=quality-issues] >> text=企业信用等级字段有 3% 为空值');
  await op.screenshot({ path: `${out}/s7-quality-issue-on-scenario.png`, fullPage: true });
  await audit(op, 's7-quality-issue-on-scenario');
  await op.click('[data-testid=new-product]');
  await op.waitForSelector('#name');
  await op.fill('#name', '企业信贷辅助评估接口');
  await op.fill('#description', '按企业信用信息给出信贷辅助评估等级。');
  await op.locator('input[type=checkbox]').first().check();
  await op.fill('#developmentPlan', '在平台内按评分模型计算，只输出评估等级。');
  await op.fill('#deliverable', '评估等级（A–E）');
  await op.fill('input[placeholder="金额（元）"]', '12000');
  await op.fill('#expectedYearlyVolume', '10000');
  await op.fill('#feeYuan', '2.5');
  await op.fill('#complianceReview', '经本单位出域合规审核：交付物不含原始公共数据。');
  await op.fill('#complianceReviewer', '合规部 李四');
  await op.screenshot({ path: `${out}/p1-product-form.png`, fullPage: true });
  await audit(op, 'p1-product-form');
  await op.click('button.primary');
  await op.waitForSelector('[data-testid=status]');
  const productId = op.url().split('/').pop();
  await op.screenshot({ path: `${out}/p2-product-submitted.png`, fullPage: true });
  await audit(op, 'p2-product-submitted');

  await inTasklist('authority', 'PRD-' + productId, '合规安全审核', 'p3-tasklist-security-review', async page => {
    await page.getByLabel('通过', { exact: true }).check();
    await page.getByLabel('收费标准符合国家、省价格管理政策和收费标准').check();
  });
  await inTasklist('authority', 'PRD-' + productId, '登记备案', 'p4-tasklist-register', async page => {
    await page.getByLabel('登记备案号').fill('JX-DJ-2026-E2E');
  });

  await op.goto(`${base}/portal/#/products/${productId}`);
  await op.waitForSelector('text=已上架', { timeout: 60000 });
  await op.screenshot({ path: `${out}/p5-product-listed.png`, fullPage: true });
  await audit(op, 'p5-product-listed');
  const list = await (await fetch(`${base}/api/catalog/products?jurisdiction=jingdezhen`)).text();
  if (!list.includes('企业信贷辅助评估接口') || !list.includes('2.50 元/次')) throw new Error('the public list lacks the product or its price');
  console.log('SCENARIO ' + scenarioId + ' PRODUCT ' + productId);
} catch (e) {
  await op?.screenshot({ path: `${out}/operator-at-failure.png`, fullPage: true }).catch(() => {});
  throw e;
} finally {
  await browser.close();
}
