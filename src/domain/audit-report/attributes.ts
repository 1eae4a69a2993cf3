/** The attributes Bole audits, their categories and bilingual labels. */
export const AUDIT_ATTRIBUTES = [
  'gender',
  'ethnicity',
  'hukouType',
  'regionOfOrigin',
  'disability',
  'schoolTier',
] as const;
export type AuditAttribute = (typeof AUDIT_ATTRIBUTES)[number];
/** School tier is not protected: it is monitored as a proxy that could carry class or region. */
export const PROTECTED_ATTRIBUTES = ['gender', 'ethnicity', 'hukouType', 'regionOfOrigin', 'disability'] as const;

/** The categories of each attribute: the one list the profile schema, the audit and the re-ranking read. */
export const ATTRIBUTE_VALUES = {
  gender: ['female', 'male', 'nonbinary'],
  ethnicity: ['han', 'minority'],
  hukouType: ['urban', 'rural'],
  regionOfOrigin: ['east', 'central', 'west', 'northeast'],
  disability: ['yes', 'no'],
  schoolTier: ['985', '211', 'double_first_class', 'other'],
} as const satisfies Record<AuditAttribute, readonly string[]>;

/** An attribute's categories, for checking a value of unknown provenance against them. */
export const categoriesOf = (attribute: AuditAttribute): readonly string[] => ATTRIBUTE_VALUES[attribute];

const LABELS: Record<string, string> = {
  gender: '性别 Gender',
  ethnicity: '民族 Ethnicity',
  hukouType: '户口 Hukou type',
  regionOfOrigin: '生源地区 Region of origin',
  disability: '残疾 Disability',
  schoolTier: '院校层次 School tier (proxy)',
  female: '女 female',
  male: '男 male',
  nonbinary: '非二元 non-binary',
  han: '汉族 Han',
  minority: '少数民族 minority',
  urban: '城镇 urban',
  rural: '农村 rural',
  east: '东部 east',
  central: '中部 central',
  west: '西部 west',
  northeast: '东北 north-east',
  yes: '是 yes',
  no: '否 no',
  '985': '985',
  '211': '211',
  double_first_class: '双一流 double first-class',
  other: '其他 other',
};

export const label = (key: string): string => LABELS[key] ?? key;

/** All pairs of protected attributes, in a fixed order (LL144 §5-301(b)(3)iii asks for intersections). */
export function attributePairs(protectedAttributes: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < protectedAttributes.length; i++) {
    for (let j = i + 1; j < protectedAttributes.length; j++) {
      const a = protectedAttributes[i];
      const b = protectedAttributes[j];
      if (a !== undefined && b !== undefined) out.push([a, b]);
    }
  }
  return out;
}
