/**
 * npm run bench:resume — field-level precision and recall of résumé extraction (src/domain/resume).
 *
 * Every labelled set is frozen by its SHA-256 (checked below: a changed file is refused). Scored as HELD-OUT:
 * - held-out.json: 45 Chinese and 45 English résumés in ten layouts, built by scripts/build-resume-heldout.ts and
 *   committed before any extraction rule was written;
 * - held-out-2.json: 20 Chinese and 20 English résumés, hand-written in 40 layouts after the skill rules were
 *   revised on the dev sets, and committed before it was first scored (no rule was changed after that);
 * The two were written by authors who also wrote rules, so they are not blind. The blind sets below (held-out-3 to
 * held-out-33) were each scored once as held-out, reported, and then became dev sets.
 *
 * DEV sets (tuned on; their figures are printed apart, with their misses, and mean little):
 * bench/data/resume/dev-set.ts, dev-set-2.ts, dev-set-3.ts, dev-set-4.ts, and, since 2026-12-06 evening,
 * - held-out-3.json: 42 Chinese and 40 English résumés, hand-written in 82 layouts by an author who had not seen
 *   the extraction rules, graduates of many fields; labelling guide in bench/data/resume/HELD-OUT-3.md;
 * - held-out-4.json: 42 Chinese and 42 English résumés, hand-written in 84 layouts by another author blind to the
 *   rules, labelled by HELD-OUT-3.md's convention (clarifications in bench/data/resume/HELD-OUT-4.md);
 * - held-out-5.json: 42 Chinese and 42 English résumés, hand-written in 84 layouts by a helper who never read the
 *   rules (bench/data/resume/HELD-OUT-5.md);
 * - held-out-6.json: 47 Chinese and 48 English résumés, hand-written in 95 layouts by a helper who never read the
 *   rules nor an earlier set (bench/data/resume/HELD-OUT-6.md);
 * - held-out-7.json: 48 Chinese and 48 English résumés, hand-written in 96 layouts by a helper who never read the
 *   rules nor an earlier set (bench/data/resume/HELD-OUT-7.md); scored once as held-out on 2026-12-07 at 01:00 UTC
 *   (skills P / R zh 0.841 / 0.755, en 0.827 / 0.723; README), a dev set since;
 * - held-out-8.json: 48 Chinese and 48 English résumés as graduates upload them (the text of template exports: 超级简历,
 *   智联, BOSS直聘, Jake's, moderncv, Europass, LinkedIn…), hand-written in 96 layouts by a helper who never read the
 *   rules nor an earlier set (bench/data/resume/HELD-OUT-8.md); scored once as held-out on 2026-12-07 at 03:50 UTC
 *   (skills P / R zh 0.863 / 0.830, en 0.850 / 0.806; README), a dev set since;
 * - held-out-9.json: 48 Chinese and 48 English résumés as graduates upload them, from templates, job sites and
 *   campus systems held-out-8 did not use (乔布简历, WPS 稻壳, 北森, 钉钉; Novorésumé, Enhancv, Symplicity, JobsDB…) and
 *   about 95 fields of study, hand-written in 96 layouts by a helper who never read the rules nor an earlier set
 *   (bench/data/resume/HELD-OUT-9.md); scored once as held-out on 2026-12-07 at 06:06 UTC (skills P / R zh 0.843 /
 *   0.805, en 0.855 / 0.760; README), a dev set since;
 * - held-out-10.json: 48 Chinese and 48 English résumés, two thirds ordinary new-graduate résumés of the largest
 *   fields, hand-written in 96 layouts by a helper who never read the rules nor an earlier set
 *   (bench/data/resume/HELD-OUT-10.md); scored once as held-out on 2026-12-07 at 08:51 UTC (skills P / R zh 0.908 /
 *   0.874, en 0.886 / 0.842; README), a dev set since;
 * - held-out-11.json: 48 Chinese and 48 English résumés, two thirds ordinary new-graduate résumés, hand-written in 96
 *   layouts by a helper who never read the rules nor an earlier set, after LABELLING.md was written
 *   (bench/data/resume/HELD-OUT-11.md); scored once as held-out on 2026-12-07 at 09:14 UTC (skills P / R zh 0.915 /
 *   0.833, en 0.917 / 0.815; README), a dev set since;
 * - held-out-12.json: 48 Chinese and 48 English résumés, written as held-out-11 was (bench/data/resume/HELD-OUT-12.md),
 *   kept outside the repository until it was scored once as held-out on 2026-12-07 at 11:50 UTC (skills P / R zh
 *   0.864 / 0.911, en 0.870 / 0.848; English majors 0.818 / 0.714; README), a dev set since;
 * - held-out-13.json: 48 Chinese and 48 English résumés, written in nine minutes by a helper who read LABELLING.md,
 *   HELD-OUT-3.md and HELD-OUT-12.md but not the other sets' clarifications (bench/data/resume/HELD-OUT-13.md), kept
 *   outside the repository until it was scored once as held-out on 2026-12-07 at 12:09 UTC (skills P / R zh 0.891 /
 *   0.778, en 0.932 / 0.800; README), a dev set since;
 * - held-out-14.json: 48 Chinese and 48 English résumés, written as held-out-13 was (bench/data/resume/HELD-OUT-14.md),
 *   in the tree unopened until it was scored once as held-out on 2026-12-07 at 13:09 UTC (skills P / R zh 0.877 /
 *   0.895, en 0.898 / 0.882; README), a dev set since;
 * - held-out-15.json and held-out-16.json: 48 Chinese and 48 English résumés each, written blind by two helpers who
 *   read LABELLING.md and every earlier set's conventions (held-out-16: longer, fuller résumés; HELD-OUT-15.md,
 *   HELD-OUT-16.md), kept outside the repository until both were scored once as held-out on 2026-12-07 at 14:45 UTC
 *   (skills P / R: held-out-15 zh 0.892 / 0.851, en 0.915 / 0.766; held-out-16 zh 0.833 / 0.810, en 0.881 / 0.838;
 *   README), dev sets since;
 * - held-out-17.json: 48 Chinese and 48 English résumés of mixed lengths, written blind as held-out-15 was
 *   (bench/data/resume/HELD-OUT-17.md), kept outside the repository until it was scored once as held-out on 2026-12-07
 *   at 15:19 UTC after a second round of rules (skills P / R zh 0.871 / 0.873, en 0.918 / 0.800; README), a dev set
 *   since;
 * - held-out-18.json: 48 Chinese and 48 English résumés built blind from sentences per field
 *   (bench/data/resume/HELD-OUT-18.md), in the tree unopened until it was scored once as held-out on 2026-12-07 at
 *   15:58 UTC (skills P / R zh 0.837 / 0.899, en 0.879 / 0.893; Chinese schools 0.737 / 0.737; README), a dev set
 *   since;
 * - held-out-19.json, -20.json and -21.json: 48 Chinese and 48 English résumés each, written blind by three helpers in
 *   parallel (job-site and template exports; ten countries, 海归 and 繁體; ordinary new graduates of the largest
 *   fields: HELD-OUT-19.md … -21.md), kept outside the repository until all three were scored once as held-out on
 *   2026-12-07 at 17:25 UTC after a round of rules (README), dev sets since;
 * - held-out-22.json: 48 Chinese and 48 English résumés as a career office receives them in a week (new graduates,
 *   rare fields, graduates a year or two into work; HELD-OUT-22.md), kept outside the repository until it was scored
 *   once as held-out on 2026-12-07 at 18:02 UTC after a second round of rules (README), a dev set since;
 * - held-out-23.json: 48 Chinese and 48 English résumés, mostly new graduates of every common field
 *   (HELD-OUT-23.md), in the tree unopened until it was scored once as held-out on 2026-12-07 at 18:39 UTC before
 *   any rule of that session (README), a dev set since;
 * - held-out-24.json, -25.json and -26.json: 48 Chinese and 48 English résumés each, written blind by three helpers in
 *   parallel (a graduate app's ordinary uploads; new graduates writing unedited, skills inside sentences; master's,
 *   doctoral and professional graduates: HELD-OUT-24.md … -26.md), kept outside the repository until all three were
 *   scored once as held-out on 2026-12-07 at 20:02 UTC after a round of rules (README), dev sets since;
 * - held-out-27.json: 48 Chinese and 48 English résumés, a career office's month (new graduates and job changers;
 *   HELD-OUT-27.md), kept outside the repository until it was scored once as held-out on 2026-12-07 at 20:34 UTC
 *   after a second round of rules (README), a dev set since;
 * - held-out-28.json: 48 Chinese and 48 English résumés, a graduate app's ordinary uploads (HELD-OUT-28.md), in the
 *   tree unopened until it was scored once as held-out at the start of the next session (2026-12-07 21:10 UTC, the
 *   rules of 1794173, before any rule of that session; README), a dev set since;
 * - held-out-29.json … held-out-31.json: 48 Chinese and 48 English résumés each (a graduate app's ordinary uploads; a
 *   career office's week of reviews; résumés as job sites and document tools export them: HELD-OUT-29.md … -31.md),
 *   the first sets written after LABELLING.md settled research assistants (2026-12-07 21:15 UTC), kept outside the
 *   repository until all three were scored once as held-out at 22:29 UTC after a round of rules (README), dev sets
 *   since;
 * - held-out-32.json and held-out-33.json: 48 Chinese and 48 English résumés each (a graduate app's uploads from one
 *   week; professional and applied programmes beside computing and engineering: HELD-OUT-32.md, -33.md), kept outside
 *   the repository until both were scored once as held-out at 23:05 UTC after a second round of rules (README), dev
 *   sets since.
 * The four before held-out-7 were scored once each as held-out on 2026-12-06 (skills P / R: held-out-3 zh
 * 0.89 / 0.64, en 0.89 / 0.67; held-out-4 zh 0.84 / 0.63, en 0.86 / 0.54; held-out-5 zh 0.87 / 0.67, en 0.89 /
 * 0.69; held-out-6 zh 0.82 / 0.71, en 0.80 / 0.68) and reported; then they became dev sets so that the rules learn
 * from their labels. They keep their names and hashes (the files are unchanged), but their figures since then are
 * dev figures, not measures of quality.
 *
 * `npm run bench:resume -- --dev` scores the dev sets only (for work on the rules, so that no held-out set is
 * scored while rules change). Every held-out résumé is also rendered as a real PDF and DOCX
 * (test/support/resume-files.ts) and read back through the upload path's readers (unpdf, fflate).
 * Held-out misses are counted, never listed, so that nobody tunes on them.
 *
 * Limits: the authors of held-out.json and held-out-2.json also wrote the rules, so habits can be shared; the
 * résumés are synthetic (public school and major names, fictional people); real résumés will score lower. See the
 * README's "How the extraction is measured". */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extractResumeDraft, type ResumeDraftContent } from '../src/domain/resume/index.ts';
import { getTaxonomy } from '../src/domain/skills/index.ts';
import { DOCX, resumeText } from '../src/services/resume/file-text.ts';
import { writeDocx, writePdf } from '../test/support/resume-files.ts';
import { DEV_SET, type LabelledResume } from './data/resume/dev-set.ts';
import { DEV_SET_2 } from './data/resume/dev-set-2.ts';
import { DEV_SET_3 } from './data/resume/dev-set-3.ts';
import { DEV_SET_4 } from './data/resume/dev-set-4.ts';
import { add, FIELDS, precision, recall, scoreOne, wilson, zero, type Counts, type Field } from './resume/score.ts';

const FROZEN = {
  'held-out.json': '4bf855d71b69db74535121c45886dd3d60f04698aad735f44fb348d47917d8f5',
  'held-out-2.json': '2c127baa42862b6465672d3b68ad8453722dabd1ee39038a3c73054e4fe627c3',
  'held-out-3.json': '9ab68455a03289d881ef155c8076bd0aa631c382cd5d8ad20775d2af5934e937',
  'held-out-4.json': '45d7fa7696adde7414c8c5e19934d2545c2ced8c603f9535e7e97924ca00d526',
  'held-out-5.json': '9d2116d9f0544939709acecb91153e410bc14b6ca080f4c132046a66b411b8f9',
  // Written blind by a helper (2026-12-06 20:58-21:08 UTC) and frozen here by its hash (26c8ff8) before anyone
  // scored it or anyone working on the rules could read it; it joined the repository when it was scored, once.
  'held-out-6.json': '009175c047147701899bcbf236c1ac23269dec469673c34c4a648108399350cb',
  // Written blind by a helper (2026-12-06 23:33-23:50 UTC) and frozen here by its hash before anyone scored it or
  // anyone working on the rules could read it; it joins the repository when it is scored, once.
  'held-out-7.json': '547446b2e3054b5ccceac1c46fade8ae6b443041370334233b2f71859a76c4cf',
  // Written blind by a helper (2026-12-07 02:17-02:28 UTC) and frozen here by its hash (6659f0f) before anyone
  // scored it or anyone working on the rules could read it; it joined the repository when it was scored, once.
  'held-out-8.json': 'd3d8c2977ee45e0182fc0b88bfb70e62238af6e24c4ae40c1677b489db9b7754',
  // Written blind by a helper (2026-12-07 04:50-05:03 UTC) and frozen here by its hash (2bdb05c) before anyone
  // scored it or anyone working on the rules could read it; it joined the repository when it was scored, once.
  'held-out-9.json': 'c2adaeff916f48640d8f5ed90290ea08486cb639f2eef2889983d2f9d503a7b1',
  // Written blind by a helper (2026-12-07 06:07-06:18 UTC, after held-out-9 was scored and while no rule changed) and
  // frozen here by its hash (b580df5) before anyone scored it or anyone working on the rules could read it; it was in
  // the tree unopened until it was scored, once (04e5d8f).
  'held-out-10.json': 'fef52612d905036039e63431d90440081143030207be2532df69e4ffbd014cf8',
  // Written blind by a helper (2026-12-07 07:47-08:03 UTC; it read LABELLING.md, no rule) and frozen here by its hash
  // (05d06af) before anyone scored it or anyone working on the rules could read it; in the tree unopened until it was
  // scored, once (6b29fef).
  'held-out-11.json': 'a6246b3396ad5d0bc270c30c39cac71ec1493fa3a8db163438ec128158f42489',
  // Written blind by a helper (2026-12-07 10:26-10:38 UTC; it read LABELLING.md, no rule) and frozen here by its hash
  // (a1faf5c) before anyone scored it or anyone working on the rules could read it; kept outside the repository until
  // it was scored, once (c5e1743).
  'held-out-12.json': 'bf18a184c4f4c6893ce653b8e774e1c0da67bef61b9b58453fa21e128f234694',
  // Written blind by a helper (2026-12-07 11:51-12:00 UTC; it read LABELLING.md, HELD-OUT-3 and -12, no rule) and
  // frozen here by its hash (4880ce8) before anyone scored it or anyone working on the rules could read it; kept
  // outside the repository until it was scored, once (deeae0d).
  'held-out-13.json': 'e3bd8719ca2d4ed015077a18668de5bc48130eaa1cb1bd4de169395745efebd4',
  // Written blind by a helper (2026-12-07 12:37-12:45 UTC; it read LABELLING.md, HELD-OUT-3 and -12, no rule) and
  // frozen here by its hash (0fdf7c8) before anyone scored it or anyone working on the rules could read it; in the
  // tree unopened until it was scored, once (0fdf7c8's rules, 2026-12-07 13:09 UTC).
  'held-out-14.json': 'aec5c6c3fa4133a9d3f43892352d30d22526b726f6c1ac2a5e0e89124d460fd2',
  // Written blind by a helper (2026-12-07 13:12-13:20 UTC; it read LABELLING.md and the conventions of HELD-OUT-3 …
  // -14, no rule) and frozen here by its hash (23501fe) before anyone scored it or anyone working on the rules could
  // read it; kept outside the repository until it was scored, once (2a14149's rules, 2026-12-07 14:45 UTC).
  'held-out-15.json': '0eede187aa38687c1f0bc10e2e04ae15689e62378cc2812d0f820c731f71f174',
  // Written blind by another helper (2026-12-07 13:24-13:40 UTC; it read LABELLING.md and the conventions of
  // HELD-OUT-3 … -14, no rule; longer, fuller résumés) and frozen here by its hash (bda8c0f) like held-out-15; kept
  // outside the repository until it was scored, once, with held-out-15.
  'held-out-16.json': 'f279234007e7b7f674177330b68b4644ed3eae497912536457707a12c8afdb7c',
  // Written blind by a helper (2026-12-07 14:38-14:46 UTC; it read LABELLING.md and the conventions of HELD-OUT-3 …
  // -14, no rule; short, one-page and long résumés) and frozen here by its hash before anyone scored it or anyone
  // working on the rules could read it (1953071); kept outside the repository until it was scored, once (10833de's
  // rules, 2026-12-07 15:19 UTC).
  'held-out-17.json': '418892567688ccee9a535c7fa718855c2b384eb8d99c770baba97197896175bd',
  // Written blind by a helper (2026-12-07 15:36-15:42 UTC; it read LABELLING.md, HELD-OUT-3 and HELD-OUT-17's summary
  // of the conventions, no rule) and frozen here by its hash (4c310aa); in the tree unopened until it was scored, once
  // (4c310aa's rules, 2026-12-07 15:58 UTC). Built from sentences per field (HELD-OUT-18.md, Known limits), so it is
  // less varied than held-out-15 … -17.
  'held-out-18.json': '2f0f64168fdc45e69cb1fe2d045bd0ada35d351c38bb049bc0fd87549684080b',
  // Written blind by a helper (2026-12-07 15:59-16:12 UTC; it read LABELLING.md, HELD-OUT-3, HELD-OUT-17's summary of
  // the conventions and HELD-OUT-18's header, no rule; graduates of ten countries, 海归, 港澳台 and 繁體 résumés) and
  // frozen here by its hash before anyone scored it or anyone working on the rules could read it; kept outside the
  // repository until it was scored, once (3b357be's rules, 2026-12-07 17:25 UTC).
  'held-out-20.json': 'fec6e61bea35154c91e13e791764806acaf421cc56284157baf64eacf0962ad8',
  // Written blind by another helper in the same minutes (15:59-16:12 UTC; it read what held-out-20's author read, no
  // rule; résumés as Chinese job sites and templates export them, tables and two columns flattened, PDF quirks; Chinese
  // graduates writing in English) and frozen here by its hash like held-out-20; outside the repository until it was
  // scored, once, with held-out-20 and -21.
  'held-out-19.json': '9996a55813f944d155fefc9d20808c58f3e1bef52c8d9eb0bc63db14494acbfd',
  // Written blind by a third helper (16:12-16:25 UTC; it read what held-out-20's author read, no rule; two thirds new
  // graduates of the largest fields as students write them) and frozen here by its hash before anyone scored it;
  // outside the repository until it was scored, once, with held-out-19 and -20.
  'held-out-21.json': 'b8b0a4993eb6e80c99674e2f778ed709703d4c9f772311647f40ff012f5935f8',
  // Written blind by a helper (17:25-17:34 UTC; it read what held-out-20's author read, no rule; a career office's
  // week: new graduates, rare fields, graduates a year or two into work) and frozen here by its hash before anyone
  // scored it or anyone working on the rules could read it; outside the repository until it was scored, once
  // (3d1981f's rules, 2026-12-07 18:02 UTC).
  'held-out-22.json': '1adc5fa2f135c473772d686d0c51630220660a02fe7ef32643e55c99ccf0be94',
  // Written blind by a helper (2026-12-07 18:04-18:14 UTC; it read what held-out-20's author read, no rule; as
  // representative as it could of what the app receives) and frozen here by its hash; in the tree unopened until it
  // was scored, once, at the start of the next session (516f917's rules, 2026-12-07 18:39 UTC).
  'held-out-23.json': 'a735ab366a7e2112bec91ea9def72888ceb0bfa32de2c02c6ab70b9863f6edcf',
  // Written blind by a helper (2026-12-07 18:40-18:47 UTC; it read what held-out-23's author read, no rule; as
  // representative as it could of a graduate app's uploads) and frozen here by its hash; outside the repository until
  // it was scored, once, with -25 and -26 (7a4176a's rules, 20:02 UTC).
  'held-out-24.json': '1e0fcfbe4c2cf77bbae5111b1ab1f9687add6908262eaf40ee81cff8ef32f548',
  // Written blind by another helper in the same minutes (18:40-18:51 UTC; it read what held-out-23's author read, no
  // rule; new graduates writing unedited, skills inside sentences) and frozen like held-out-24.
  'held-out-25.json': '36f108e178b9f9e12060387ef9c0a437e522a91aafb8cc7bcd3145920f9a6585',
  // Written blind by a third helper (18:48-18:59 UTC; it read what held-out-23's author read, no rule; master's,
  // doctoral and professional graduates, academic CVs and industry résumés) and frozen like held-out-24.
  'held-out-26.json': '3e39cb404c19d467cdc1be6e1b66eeb656a32ae39384fd4a9af83595e94c7689',
  // Written blind by a fourth helper (19:09-19:18 UTC; it read what held-out-23's author read, no rule; a career
  // office's month: new graduates and job changers) and frozen like held-out-24; outside the repository until it was
  // scored, once, after a second round (505a108's rules, 20:34 UTC).
  'held-out-27.json': 'a726057658da284643f858ed74eb683606792da846136f9902d1ab18d3662b95',
  // Written blind by a helper (20:03-20:09 UTC; it read what held-out-23's author read, no rule; a graduate app's
  // ordinary uploads) and frozen like held-out-24; in the tree unopened until it was scored, once, at the start of the
  // next session (1794173's rules, 2026-12-07 21:10 UTC).
  'held-out-28.json': '1b27699bc3f803c2d963fa0736eef4b830eab45245ec86615ba7529f965a6c71',
  // Written blind by a helper (2026-12-07 21:14-21:22 UTC; it read what held-out-23's author read and LABELLING.md with
  // its 21:15 items, no rule; a graduate app's ordinary uploads) and frozen here by its hash before anyone scored it or
  // anyone working on the rules could read it; kept outside the repository until it was scored, once, with -30 and
  // -31 (4dc4454's rules, 22:29 UTC).
  'held-out-29.json': '5a5d0cd3e8c88d16c6452fdc78713c03d9fcff1861c3d85be2ea64d4f132b801',
  // Written blind by a helper (2026-12-07 21:14-21:21 UTC; it read what held-out-23's author read and LABELLING.md with
  // its 21:15 items, no rule; a career office's week of reviews) and frozen here by its hash before anyone scored it or
  // anyone working on the rules could read it; kept outside the repository until it was scored, once, with -29 and
  // -31 (4dc4454's rules, 22:29 UTC).
  'held-out-30.json': 'b7bb0c06b162c07dd412013be390c9c46bf840b89cb7a5c823f701f80125e610',
  // Written blind by another helper in the same minutes (21:14-21:21 UTC; it read what held-out-30's author read, no
  // rule; résumés as job sites and document tools export them) and frozen like held-out-30.
  'held-out-31.json': '6ba56e102d9833660c644472e6c77d4e452bf6993c5262dd830d5f70216e68ff',
  // Written blind by a helper (21:41-21:50 UTC; it read what held-out-30's author read, no rule; a graduate app's
  // uploads from one week) and frozen like held-out-30; outside the repository until it was scored, once, with -33
  // (b5d2a4a's rules, 23:05 UTC).
  'held-out-32.json': '1424f09f172f61b12e7ce5170073c8b360f0e243a1a2641f0d075b85583bbfd5',
  // Written blind by a helper (21:41-21:49 UTC; it read what held-out-30's author read, no rule; graduates of
  // professional and applied programmes beside computing and engineering) and frozen like held-out-30; outside the
  // repository until it was scored, once, with -32 (b5d2a4a's rules, 23:05 UTC).
  'held-out-33.json': '3ca1d2f7292272b3c50f508d31bd12ed23c3be6a1a106b9cb6d831e2627d722d',
  // Written blind by a helper (22:31-22:40 UTC; it read what held-out-30's author read, no rule; a graduate app's
  // uploads in a spring recruiting season) and frozen like held-out-30. NOT SCORED YET: in the tree so that the next
  // session can score it once, as held-out, before any rule of its own; nobody who works on the rules opens it until
  // then.
  'held-out-34.json': 'b669ed95a279f15295571e6e0f0ad767cf20b05ed27e4be984c87627fe6aebb0',
} as const;
const TARGETED: readonly Field[] = ['schools', 'degrees', 'majors', 'dates', 'skills'];
const TARGET = { precision: 0.9, recall: 0.85 };
const EDUCATION_FIELDS = ['schools', 'degrees', 'majors', 'dates'] as const;
const EDUCATION_KEY = { schools: 'school', degrees: 'degree', majors: 'major', dates: 'graduation' } as const;

function frozenSet(file: keyof typeof FROZEN): LabelledResume[] {
  const raw = readFileSync(new URL(`./data/resume/${file}`, import.meta.url), 'utf8');
  const sha = createHash('sha256').update(raw).digest('hex');
  if (sha !== FROZEN[file]) {
    console.error(`${file} changed (sha256 ${sha}); it is frozen. Restore it from git.`);
    process.exit(1);
  }
  return JSON.parse(raw) as LabelledResume[];
}
const heldOutSets = {
  'held-out.json': frozenSet('held-out.json'),
  'held-out-2.json': frozenSet('held-out-2.json'),
};
const taxonomy = getTaxonomy();
const devOnly = process.argv.includes('--dev');
const count = (set: readonly LabelledResume[], lang: string): number => set.filter((r) => r.lang === lang).length;

type Reader = (r: LabelledResume) => Promise<string>;
const readers: Record<string, Reader> = {
  text: (r) => Promise.resolve(r.text),
  pdf: (r) => resumeText(writePdf(r.text), 'application/pdf'),
  docx: (r) => resumeText(writeDocx(r.text), DOCX),
};

async function score(set: readonly LabelledResume[], read: Reader) {
  const byLang = { zh: zero(), en: zero() };
  const misses: string[] = [];
  let missed = 0;
  for (const r of set) {
    const draft: ResumeDraftContent = extractResumeDraft(await read(r), { taxonomy });
    const s = scoreOne(draft, r.labels);
    add(byLang[r.lang], s);
    const bad = TARGETED.filter((f) => s[f].fp + s[f].fn > 0);
    if (bad.length === 0) continue;
    missed += 1;
    const ids = draft.skills.map((k) => k.skillId);
    const fp = ids.filter((id) => !r.labels.skills.includes(id)).map((id) => `+${id}`);
    const fn = r.labels.skills.filter((id) => !ids.includes(id)).map((id) => `-${id}`);
    misses.push(`${r.id} (${r.layout}): ${bad.join(', ')} ${[...fp, ...fn].join(' ')}`);
    // Education values, expected then read, for the fields missed (printed only under --dev, for dev sets).
    for (const f of EDUCATION_FIELDS.filter((x) => bad.includes(x))) {
      const want = r.labels.education.map((e) => e[f === 'dates' ? 'graduation' : EDUCATION_KEY[f]]);
      const got = draft.education.map((e) => (f === 'dates' ? e.graduationDate?.slice(0, 7) : e[EDUCATION_KEY[f]]));
      misses.push(`    ${f}: want ${JSON.stringify(want)} got ${JSON.stringify(got.map((g) => g ?? null))}`);
    }
  }
  return { byLang, misses, missed };
}

const f3 = (x: number): string => x.toFixed(3);
const cell = (c: Counts): string =>
  `${f3(precision(c))} / ${f3(recall(c))}`.padEnd(16) + `(${c.tp}/${c.fp}/${c.fn})`.padEnd(14);

function table(title: string, byLang: Record<'zh' | 'en', Record<Field, Counts>>): boolean {
  console.log(
    `\n${title}\n${'field'.padEnd(13)}${'zh P / R'.padEnd(16)}${'tp/fp/fn'.padEnd(14)}${'en P / R'.padEnd(16)}tp/fp/fn`,
  );
  let ok = true;
  for (const f of FIELDS) {
    const mark = TARGETED.includes(f) ? '*' : ' ';
    console.log(`${(f + mark).padEnd(13)}${cell(byLang.zh[f])}${cell(byLang.en[f])}`);
    if (!TARGETED.includes(f)) continue;
    for (const lang of ['zh', 'en'] as const) {
      const c = byLang[lang][f];
      if (precision(c) < TARGET.precision || recall(c) < TARGET.recall) ok = false;
    }
  }
  const ci = (c: Counts, lang: string): string => {
    const [pl, ph] = wilson(c.tp, c.tp + c.fp);
    const [rl, rh] = wilson(c.tp, c.tp + c.fn);
    return `${lang} P [${f3(pl)}, ${f3(ph)}] R [${f3(rl)}, ${f3(rh)}]`;
  };
  console.log(`skills, 95% Wilson intervals: ${ci(byLang.zh.skills, 'zh')}; ${ci(byLang.en.skills, 'en')}`);
  return ok;
}

console.log('bench:resume: field-level precision / recall (P / R), counts tp/fp/fn; * = targeted field');
let allOk = true;
for (const [file, set] of devOnly ? [] : Object.entries(heldOutSets)) {
  console.log(
    `\n== ${file}: ${count(set, 'zh')} zh + ${count(set, 'en')} en résumés, sha256 ` +
      `${FROZEN[file as keyof typeof FROZEN].slice(0, 16)}… (frozen before it was first scored)`,
  );
  for (const [name, read] of Object.entries(readers)) {
    const { byLang, missed } = await score(set, read);
    const ok = table(`HELD-OUT ${file}, read as ${name}`, byLang);
    allOk &&= ok;
    console.log(
      `targets (P >= ${TARGET.precision}, R >= ${TARGET.recall} on * fields, each language): ` +
        `${ok ? 'met' : 'NOT met'}` +
        `; résumés with a miss on a * field: ${missed} (not listed: held-out errors are not for tuning)`,
    );
  }
}
const devSets = {
  'dev-set.ts': DEV_SET,
  'dev-set-2.ts': DEV_SET_2,
  'dev-set-3.ts': DEV_SET_3,
  'dev-set-4.ts': DEV_SET_4,
  // Scored once each as held-out on 2026-12-06 (see the header), dev sets since: frozen files, tuned on.
  'held-out-3.json': frozenSet('held-out-3.json'),
  'held-out-4.json': frozenSet('held-out-4.json'),
  'held-out-5.json': frozenSet('held-out-5.json'),
  // Scored once as held-out at b14abd2 (2026-12-06 22:40; skills P / R zh 0.815 / 0.706, en 0.797 / 0.675).
  'held-out-6.json': frozenSet('held-out-6.json'),
  // Scored once as held-out at 50fe240 (2026-12-07 01:00; skills P / R zh 0.841 / 0.755, en 0.827 / 0.723).
  'held-out-7.json': frozenSet('held-out-7.json'),
  // Scored once as held-out at c526b78 (2026-12-07 03:50; skills P / R zh 0.863 / 0.830, en 0.850 / 0.806).
  'held-out-8.json': frozenSet('held-out-8.json'),
  // Scored once as held-out at fd47638 (2026-12-07 06:06; skills P / R zh 0.843 / 0.805, en 0.855 / 0.760).
  'held-out-9.json': frozenSet('held-out-9.json'),
  // Scored once as held-out at 04e5d8f (2026-12-07 08:51; skills P / R zh 0.908 / 0.874, en 0.886 / 0.842).
  'held-out-10.json': frozenSet('held-out-10.json'),
  // Scored once as held-out at 6b29fef (2026-12-07 09:14; skills P / R zh 0.915 / 0.833, en 0.917 / 0.815).
  'held-out-11.json': frozenSet('held-out-11.json'),
  // Scored once as held-out at c5e1743 (2026-12-07 11:50; skills P / R zh 0.864 / 0.911, en 0.870 / 0.848).
  'held-out-12.json': frozenSet('held-out-12.json'),
  // Scored once as held-out at deeae0d (2026-12-07 12:09; skills P / R zh 0.891 / 0.778, en 0.932 / 0.800).
  'held-out-13.json': frozenSet('held-out-13.json'),
  // Scored once as held-out at 0fdf7c8 (2026-12-07 13:09; skills P / R zh 0.877 / 0.895, en 0.898 / 0.882).
  'held-out-14.json': frozenSet('held-out-14.json'),
  // Scored once as held-out at 2a14149 (2026-12-07 14:45; skills P / R zh 0.892 / 0.851, en 0.915 / 0.766).
  'held-out-15.json': frozenSet('held-out-15.json'),
  // Scored once as held-out at 2a14149 (2026-12-07 14:45; skills P / R zh 0.833 / 0.810, en 0.881 / 0.838).
  'held-out-16.json': frozenSet('held-out-16.json'),
  // Scored once as held-out at 10833de (2026-12-07 15:19; skills P / R zh 0.871 / 0.873, en 0.918 / 0.800).
  'held-out-17.json': frozenSet('held-out-17.json'),
  // Scored once as held-out at 4c310aa (2026-12-07 15:58; skills P / R zh 0.837 / 0.899, en 0.879 / 0.893; zh schools
  // 0.737 / 0.737, degrees R 0.772).
  'held-out-18.json': frozenSet('held-out-18.json'),
  // The three below were scored once as held-out at 3b357be (2026-12-07 17:25), after the session's round of rules;
  // skills P / R: held-out-19 zh 0.881 / 0.842, en 0.885 / 0.848; held-out-20 zh 0.873 / 0.807, en 0.900 / 0.759;
  // held-out-21 zh 0.872 / 0.819, en 0.906 / 0.723.
  'held-out-19.json': frozenSet('held-out-19.json'),
  'held-out-20.json': frozenSet('held-out-20.json'),
  'held-out-21.json': frozenSet('held-out-21.json'),
  // Scored once as held-out at 3d1981f (2026-12-07 18:02, after the session's second round; skills P / R zh 0.868 /
  // 0.845, en 0.872 / 0.771; education met in both languages).
  'held-out-22.json': frozenSet('held-out-22.json'),
  // Scored once as held-out at 516f917 (2026-12-07 18:39, before any rule of the session; skills P / R zh 0.896 /
  // 0.846, en 0.871 / 0.823; education met in both languages).
  'held-out-23.json': frozenSet('held-out-23.json'),
  // The three below were scored once as held-out at 7a4176a (2026-12-07 20:02), after the session's first round of
  // rules; skills P / R: held-out-24 zh 0.841 / 0.894, en 0.881 / 0.884; held-out-25 zh 0.779 / 0.870, en 0.842 /
  // 0.799; held-out-26 zh 0.868 / 0.912, en 0.873 / 0.805.
  'held-out-24.json': frozenSet('held-out-24.json'),
  'held-out-25.json': frozenSet('held-out-25.json'),
  'held-out-26.json': frozenSet('held-out-26.json'),
  // Scored once as held-out at 505a108 (2026-12-07 20:34, after the session's second round; skills P / R zh 0.846 /
  // 0.846, en 0.878 / 0.827; education met in both languages as text).
  'held-out-27.json': frozenSet('held-out-27.json'),
  // Scored once as held-out at 1794173 (2026-12-07 21:10, before any rule of the session; skills P / R zh 0.879 /
  // 0.869, en 0.888 / 0.860; education met but English majors, 0.879 / 0.850).
  'held-out-28.json': frozenSet('held-out-28.json'),
  // The three below were scored once as held-out at 4dc4454 (2026-12-07 22:29), after the session's first round of
  // rules; skills P / R: held-out-29 zh 0.920 / 0.861, en 0.916 / 0.858; held-out-30 zh 0.930 / 0.909, en 0.885 /
  // 0.755; held-out-31 zh 0.905 / 0.871, en 0.923 / 0.880 (-29 and -31 met every target as text, PDF and DOCX).
  'held-out-29.json': frozenSet('held-out-29.json'),
  'held-out-30.json': frozenSet('held-out-30.json'),
  'held-out-31.json': frozenSet('held-out-31.json'),
  // The two below were scored once as held-out at b5d2a4a (2026-12-07 23:05), after the session's second round of
  // rules; skills P / R: held-out-32 zh 0.914 / 0.906, en 0.928 / 0.888 (every target met as text, PDF and DOCX);
  // held-out-33 zh 0.910 / 0.916, en 0.928 / 0.845 (English recall not met).
  'held-out-32.json': frozenSet('held-out-32.json'),
  'held-out-33.json': frozenSet('held-out-33.json'),
};
for (const [file, set] of Object.entries(devSets)) {
  table(`DEV ${file} (${set.length} résumés, tuned on)`, (await score(set, readers.text as Reader)).byLang);
}
const devSet = Object.values(devSets).flat();
const dev = await score(devSet, readers.text as Reader);
table(`DEV, all (${devSet.length} résumés the rules were tuned on; not a measure of quality)`, dev.byLang);
if (dev.missed > 0) console.log(`dev résumés with a miss (${dev.missed}):\n  ${dev.misses.join('\n  ')}`);
if (!devOnly) console.log(`\nheld-out targets ${allOk ? 'met' : 'NOT met'} on every set, read as text, PDF and DOCX.`);
