// The demo's public comment on its draft plan, and the plan's public timeline,
// as one SQL text that both seeds run (scripts/lib/seed.js directly, and
// supabase/seed.sql through scripts/lib/seed-sql.js). The period runs around the
// day it is seeded, so the demo always has an open consultation.
import { demoOrganization, demoSurvey } from './demo-survey.js';

export const demoConsultation = {
	slug: 'mine-plan-draft',
	title: '第二次美祢市総合計画 後期基本計画（案）'
};
export const demoPlan = { slug: 'mine-plan', title: '第二次美祢市総合計画 後期基本計画' };

const sections = [
	{
		heading: '第1章 計画の策定にあたって',
		body: '# 計画の目的\n\n市民意識調査の結果を踏まえ、前期基本計画の成果と課題を整理し、後期5年間の施策の方向を定めます。\n\n# 計画の期間\n\n令和9年度から令和13年度までの5年間とします。'
	},
	{
		heading: '第2章 子育て・教育',
		body: '- 保育の受け皿を確保し、待機児童ゼロを維持します。\n- 子どもの遊び場と公園を計画的に整備します。\n- 学校施設の長寿命化を進めます。'
	},
	{
		heading: '第3章 交通・生活基盤',
		body: '市民バス・デマンド交通を見直し、通院・通学・買い物の移動を支えます。\n\n1. 地区ごとの運行計画の見直し\n2. 乗り継ぎ案内の改善'
	}
];

/** @param {string} value */
const literal = (value) => `'${value.replaceAll("'", "''")}'`;

export function demoConsultationSql() {
	const org = `(select id from public.organizations where slug = ${literal(demoOrganization.slug)})`;
	const consultation = `(select id from public.consultations where slug = ${literal(demoConsultation.slug)})`;
	const plan = `(select id from public.plans where slug = ${literal(demoPlan.slug)})`;
	const today = `(now() at time zone 'Asia/Tokyo')::date`;
	return `-- The draft plan for public comment (/pc/${demoConsultation.slug}) and the plan's timeline (/plan/${demoPlan.slug})

insert into public.consultations (org_id, slug, title, summary, opens_on, closes_on, ask_name,
  ask_address, published) values
  (${org}, ${literal(demoConsultation.slug)}, ${literal(demoConsultation.title)},
   ${literal('市民意識調査の結果を踏まえてまとめた後期基本計画（案）について、市民の皆さまのご意見を募集します。')},
   ${today} - 3, ${today} + 27, 'optional', 'optional', true);

insert into public.consultation_sections (consultation_id, position, heading, body) values
${sections.map((s, i) => `  (${consultation}, ${i + 1}, ${literal(s.heading)}, ${literal(s.body)})`).join(',\n')};

insert into public.plans (org_id, slug, title, summary) values
  (${org}, ${literal(demoPlan.slug)}, ${literal(demoPlan.title)},
   ${literal('後期基本計画の策定の進み具合をお知らせします。')});

insert into public.plan_milestones (plan_id, position, kind, title, starts_on, ends_on, status,
  survey_id, consultation_id) values
  (${plan}, 1, 'survey', '市民意識調査', ${today} - 120, ${today} - 90, 'done',
   (select id from public.surveys where slug = ${literal(demoSurvey.slug)}), null),
  (${plan}, 2, 'council', '総合計画審議会（第1回〜第3回）', ${today} - 60, ${today} - 10, 'done', null, null),
  (${plan}, 3, 'public_comment', 'パブリックコメント', ${today} - 3, ${today} + 27, 'ongoing', null,
   ${consultation}),
  (${plan}, 4, 'adoption', '計画の策定・公表', null, null, 'planned', null, null);
`;
}
