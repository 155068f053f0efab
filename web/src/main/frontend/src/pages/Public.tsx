import { useEffect, useState } from 'react';

// The public disclosure site: no login, Chinese. Only what the rules make public; no person's contact data.
interface Operator { jurisdiction: string; jurisdictionName: string; companyName: string; creditCode: string; scope: string; startsOn: string; endsOn: string; stateLabel: string }
interface Notice { id: number; jurisdictionName: string; companyName: string; title: string; content: string; startsAt: string; endsAt: string; open: boolean }
interface PlanItem { id: number; companyName: string; item: string; frequencyLabel: string; channel: string; nextDue: string; overdue: boolean; disclosures: { disclosedOn: string; content: string }[] }
interface Disclosure { operators: Operator[]; publicity: Notice[]; plans?: PlanItem[] }
interface Announcement { id: number; title: string; scope: string; deadline: string }
interface Scenario { id: number; name: string; companyName: string; domain: string; lines: { resourceName: string; providerName: string; fields: string; usage: string; frequency: string }[] }
interface Product { id: number; name: string; companyName: string; category: string; price: string }
interface Jurisdiction { code: string; name: string }

const day = (s: string) => new Date(s).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' });

async function get<T>(path: string): Promise<T> {
  const answer = await fetch(path);
  if (!answer.ok) throw new Error((await answer.json().catch(() => ({}))).detail ?? answer.statusText);
  return answer.json();
}

export function PublicSite() {
  const [jurisdictions, setJurisdictions] = useState<Jurisdiction[]>([]);
  const [jurisdiction, setJurisdiction] = useState('');
  const [data, setData] = useState<Disclosure>({ operators: [], publicity: [] });
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [products, setProducts] = useState<Product[]>([]);
  const [objecting, setObjecting] = useState<Notice | null>(null);
  const [receipt, setReceipt] = useState('');
  const [lookup, setLookup] = useState<string>('');
  useEffect(() => {
    get<Jurisdiction[]>('/api/catalog/jurisdictions').then(js => { setJurisdictions(js); if (js.length) setJurisdiction(j => j || js[0].code); }).catch(() => undefined);
    get<Announcement[]>('/api/announcements').then(setAnnouncements).catch(() => undefined);
  }, []);
  useEffect(() => {
    get<Disclosure>('/api/public/disclosure' + (jurisdiction ? '?jurisdiction=' + jurisdiction : '')).then(setData).catch(() => undefined);
    if (jurisdiction) {
      get<{ scenarios: Scenario[] }>('/api/catalog/operation?jurisdiction=' + jurisdiction).then(c => setScenarios(c.scenarios)).catch(() => setScenarios([]));
      get<Product[]>('/api/catalog/products?jurisdiction=' + jurisdiction).then(setProducts).catch(() => setProducts([]));
    }
  }, [jurisdiction]);
  const follow = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const r = await get<{ receiptNo: string; status: string; noticeTitle: string }>('/api/public/objections/' + encodeURIComponent(receipt.trim()));
      setLookup(r.receiptNo + '：' + r.status + (r.noticeTitle ? '（' + r.noticeTitle + '）' : ''));
    } catch (err) { setLookup((err as Error).message); }
  };
  return (
    <>
      <header><span className="brand">公共数据资源授权运营 · 信息公开</span><nav><a href="#/">返回门户</a></nav></header>
      <main data-testid="public-site">
        <section>
          <label htmlFor="public-jurisdiction">辖区</label>
          <select id="public-jurisdiction" value={jurisdiction} onChange={e => setJurisdiction(e.target.value)}>
            {jurisdictions.map(j => <option key={j.code} value={j.code}>{j.name}</option>)}
          </select>
        </section>
        <section>
          <h2>正在受理的准入通告</h2>
          {announcements.length === 0 ? <p>当前没有正在受理的通告。</p> : <table><tbody>
            {announcements.map(a => <tr key={a.id}><td>{a.title}<div className="hint">{a.scope}</div></td><td>申报截止 {a.deadline}</td></tr>)}
          </tbody></table>}
        </section>
        <section>
          <h2>公示</h2>
          {data.publicity.length === 0 ? <p>暂无公示。</p> : <table>
            <thead><tr><th scope="col">公示事项</th><th scope="col">公示期</th><th scope="col"><span className="hint">异议</span></th></tr></thead>
            <tbody>{data.publicity.map(n => (
              <tr key={n.id} data-testid={'notice-' + n.id}>
                <td><strong>{n.title}</strong><div className="hint">{n.content}</div></td>
                <td>{day(n.startsAt)} 至 {day(n.endsAt)}{n.open ? '（公示中）' : '（已结束）'}</td>
                <td>{n.open && <button type="button" className="nowrap" onClick={() => setObjecting(n)} data-testid={'object-' + n.id}>提出异议</button>}</td>
              </tr>))}
            </tbody>
          </table>}
          {objecting && <ObjectionForm notice={objecting} onDone={() => undefined} />}
        </section>
        <section>
          <h2>查询异议处理情况</h2>
          <form onSubmit={follow}>
            <label htmlFor="receipt">受理编号</label>
            <input id="receipt" type="text" value={receipt} onChange={e => setReceipt(e.target.value)} placeholder="例如 YY20261119-000042" />
            <button type="submit" className="primary" data-testid="follow-submit">查询</button>
          </form>
          {lookup && <p role="status" data-testid="objection-status">{lookup}</p>}
        </section>
        <section>
          <h2>授权运营单位</h2>
          {data.operators.length === 0 ? <p>暂无授权运营单位。</p> : <table>
            <thead><tr><th scope="col">单位</th><th scope="col">授权范围</th><th scope="col">协议期限</th><th scope="col">状态</th></tr></thead>
            <tbody>{data.operators.map(o => (
              <tr key={o.creditCode + o.startsOn}><td>{o.companyName}<div className="hint">{o.creditCode} · {o.jurisdictionName}</div></td>
                <td>{o.scope}</td><td>{o.startsOn} 至 {o.endsOn}</td><td>{o.stateLabel}</td></tr>))}
            </tbody>
          </table>}
        </section>
        <section data-testid="disclosure-plans">
          <h2>运营单位信息披露（按披露计划）</h2>
          {(data.plans ?? []).length === 0 ? <p>暂无披露计划。</p> : <table>
            <thead><tr><th scope="col">单位</th><th scope="col">披露内容</th><th scope="col">频次与渠道</th><th scope="col">最近披露</th><th scope="col">下次应披露</th></tr></thead>
            <tbody>{(data.plans ?? []).map(p => (
              <tr key={p.id} className={p.overdue ? 'overdue' : undefined}><td>{p.companyName}</td><td>{p.item}</td><td>{p.frequencyLabel} · {p.channel}</td>
                <td>{p.disclosures.length === 0 ? '尚未披露' : p.disclosures[0].disclosedOn + '：' + p.disclosures[0].content}</td>
                <td>{p.nextDue}{p.overdue && <strong className="error"> 已逾期</strong>}</td></tr>))}
            </tbody>
          </table>}
        </section>
        <section>
          <h2>已发布的应用场景及数据需求清单</h2>
          {scenarios.length === 0 ? <p>暂无已发布的场景。</p> : scenarios.map(s => (
            <div key={s.id} className="line"><strong>{s.name}</strong> <span className="hint">{s.companyName} · {s.domain}</span>
              <ul>{s.lines.map((l, i) => <li key={i}>{l.resourceName}（{l.providerName}）：{l.fields}；{l.usage}；{l.frequency}</li>)}</ul>
            </div>))}
        </section>
        <section>
          <h2>数据产品和服务（明码标价）</h2>
          {products.length === 0 ? <p>暂无上架产品。</p> : <table>
            <thead><tr><th scope="col">产品</th><th scope="col">运营机构</th><th scope="col">类别</th><th scope="col">价格</th></tr></thead>
            <tbody>{products.map(p => <tr key={p.id}><td>{p.name}</td><td>{p.companyName}</td><td>{p.category}</td><td>{p.price}</td></tr>)}</tbody>
          </table>}
        </section>
      </main>
    </>
  );
}

function ObjectionForm({ notice, onDone }: { notice: Notice; onDone: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [answer, setAnswer] = useState('');
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    if (file instanceof File && file.size === 0) form.delete('file');
    const r = await fetch('/api/public/publicity/' + notice.id + '/objections', { method: 'POST', body: form });
    const body = await r.json().catch(() => ({}));
    if (r.ok) { setAnswer(body.message); setErrors({}); setMessage(''); onDone(); return; }
    const fields: Record<string, string> = {};
    for (const err of body.errors ?? []) fields[err.field] = err.message;
    setErrors(fields);
    setMessage(body.detail ?? '提交失败');
  };
  if (answer) return <p className="action" role="status" data-testid="objection-receipt">{answer}</p>;
  return (
    <form onSubmit={submit} data-testid="objection-form" aria-label={'对「' + notice.title + '」提出异议'}>
      <h3>对「{notice.title}」提出异议</h3>
      <div className={errors.filerName ? 'invalid' : ''}><label htmlFor="filerName">姓名或单位名称</label>
        <input id="filerName" name="filerName" type="text" />{errors.filerName && <div className="error">{errors.filerName}</div>}</div>
      <div className={errors.filerContact ? 'invalid' : ''}><label htmlFor="filerContact">联系方式（仅用于答复，不公开）</label>
        <input id="filerContact" name="filerContact" type="text" />{errors.filerContact && <div className="error">{errors.filerContact}</div>}</div>
      <div className={errors.content ? 'invalid' : ''}><label htmlFor="content">异议内容和事实依据</label>
        <textarea id="content" name="content" />{errors.content && <div className="error">{errors.content}</div>}</div>
      <label htmlFor="objection-file">证明材料（可选，PDF、PNG 或 JPEG）</label>
      <input id="objection-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg" />
      {errors.file && <div className="error">{errors.file}</div>}
      {message && <p className="error" role="alert">{message}</p>}
      <button type="submit" className="primary" data-testid="objection-submit">提交异议</button>
    </form>
  );
}
