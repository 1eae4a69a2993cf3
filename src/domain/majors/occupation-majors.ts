import { majorById, type Major } from './majors.ts';

/**
 * Majors that prepare for each demo occupation (by O*NET-SOC code), most typical first. Written by hand
 * from Chinese recruiting practice: the first two or three are what employers list; the rest are the
 * adjacent majors they also accept. Used for the "major fit" score component and by the demo generator.
 */
export const OCCUPATION_MAJORS: Readonly<Record<string, readonly string[]>> = {
  '15-1252.00': ['computer-science', 'software-engineering', 'artificial-intelligence', 'data-science', 'network-engineering', 'information-computing-science', 'electronic-information', 'communication-engineering'],
  '15-1254.00': ['software-engineering', 'computer-science', 'digital-media-technology', 'network-engineering', 'information-management'],
  '15-1253.00': ['software-engineering', 'computer-science', 'information-management', 'network-engineering', 'electronic-information'],
  '15-2051.00': ['data-science', 'statistics', 'computer-science', 'artificial-intelligence', 'mathematics', 'applied-statistics', 'information-computing-science'],
  '15-2051.01': ['big-data-management', 'information-management', 'statistics', 'data-science', 'economic-statistics', 'business-administration'],
  '15-1212.00': ['information-security', 'computer-science', 'network-engineering', 'software-engineering', 'communication-engineering'],
  '15-1244.00': ['network-engineering', 'computer-science', 'communication-engineering', 'iot-engineering', 'information-security'],
  '15-1255.00': ['digital-media-art', 'visual-communication', 'digital-media-technology', 'industrial-design', 'product-design'],
  '15-1255.01': ['digital-media-technology', 'digital-media-art', 'animation', 'software-engineering', 'computer-science'],
  '15-1221.00': ['artificial-intelligence', 'computer-science', 'data-science', 'mathematics', 'automation'],
  '15-2041.00': ['statistics', 'applied-statistics', 'economic-statistics', 'mathematics', 'data-science'],
  '15-2031.00': ['industrial-engineering', 'mathematics', 'logistics-management', 'information-computing-science', 'statistics'],
  '15-2011.00': ['insurance', 'mathematics', 'statistics', 'financial-engineering', 'finance'],
  '15-1299.02': ['geographic-information-science', 'surveying', 'urban-planning', 'environmental-science', 'computer-science'],
  '13-2011.00': ['accounting', 'auditing', 'financial-management', 'public-finance', 'finance'],
  '13-2051.00': ['finance', 'investment', 'financial-engineering', 'economics', 'accounting', 'financial-management'],
  '13-2041.00': ['finance', 'economics', 'accounting', 'financial-management', 'economic-statistics'],
  '13-2054.00': ['financial-engineering', 'finance', 'statistics', 'insurance', 'mathematics', 'economics'],
  '13-1161.00': ['marketing', 'advertising', 'business-administration', 'economics', 'statistics', 'journalism', 'ecommerce'],
  '13-1071.00': ['human-resources', 'business-administration', 'public-administration', 'applied-psychology', 'psychology'],
  '13-1081.00': ['logistics-management', 'supply-chain', 'industrial-engineering', 'international-trade', 'ecommerce'],
  '13-1023.00': ['supply-chain', 'logistics-management', 'international-trade', 'business-administration', 'mechanical-design'],
  '13-1082.00': ['construction-management', 'business-administration', 'information-management', 'industrial-engineering', 'software-engineering'],
  '13-1111.00': ['business-administration', 'economics', 'industrial-engineering', 'information-management', 'finance'],
  '13-1041.00': ['law', 'accounting', 'auditing', 'finance', 'public-administration'],
  '13-1199.06': ['ecommerce', 'marketing', 'international-trade', 'network-new-media', 'business-english'],
  '17-2141.00': ['mechanical-engineering', 'mechanical-design', 'mechatronics', 'vehicle-engineering', 'energy-power'],
  '17-2071.00': ['electrical-engineering', 'automation', 'energy-power', 'electronic-information'],
  '17-2072.00': ['electronic-information', 'communication-engineering', 'microelectronics', 'automation', 'iot-engineering'],
  '17-2051.00': ['civil-engineering', 'water-resources', 'construction-management', 'surveying'],
  '17-2041.00': ['chemical-engineering', 'applied-chemistry', 'pharmaceutical-engineering', 'polymer-materials', 'chemistry'],
  '17-2081.00': ['environmental-engineering', 'environmental-science', 'chemical-engineering', 'water-resources'],
  '17-2112.00': ['industrial-engineering', 'mechanical-design', 'logistics-management', 'mechanical-engineering'],
  '17-2061.00': ['microelectronics', 'electronic-information', 'computer-science', 'communication-engineering', 'automation'],
  '17-2131.00': ['materials-science', 'polymer-materials', 'applied-chemistry', 'applied-physics', 'chemical-engineering'],
  '17-2141.02': ['vehicle-engineering', 'new-energy-vehicle', 'mechanical-engineering', 'mechanical-design', 'energy-power'],
  '17-2199.08': ['robotics', 'automation', 'mechatronics', 'artificial-intelligence', 'mechanical-engineering', 'electrical-engineering'],
  '17-2011.00': ['aerospace-engineering', 'mechanical-engineering', 'energy-power', 'materials-science', 'automation'],
  '17-1011.00': ['architecture', 'urban-planning', 'environmental-design', 'civil-engineering'],
  '17-2031.00': ['biomedical-engineering', 'bioengineering', 'electronic-information', 'materials-science', 'biotechnology'],
  '19-2031.00': ['chemistry', 'applied-chemistry', 'chemical-engineering', 'pharmaceutical-engineering', 'materials-science'],
  '19-3011.00': ['economics', 'finance', 'economic-statistics', 'public-finance', 'international-trade', 'statistics'],
  '19-1012.00': ['food-science', 'food-safety', 'bioengineering', 'biotechnology', 'food-hygiene-nutrition'],
  '29-1141.00': ['nursing'],
  '29-1051.00': ['pharmacy', 'clinical-pharmacy', 'pharmaceutical-engineering'],
  '29-2011.00': ['medical-laboratory', 'biotechnology', 'biology', 'preventive-medicine', 'clinical-medicine'],
  '25-2031.00': ['mathematics', 'english', 'chinese-language-literature', 'physics', 'chemistry', 'biology', 'history', 'pedagogy'],
  '25-2021.00': ['primary-education', 'chinese-language-literature', 'mathematics', 'english', 'pedagogy'],
  '25-2011.00': ['preschool-education', 'pedagogy', 'special-education', 'music-performance'],
  '25-9031.00': ['educational-technology', 'pedagogy', 'chinese-international-education', 'applied-psychology', 'digital-media-technology'],
  '27-1024.00': ['visual-communication', 'digital-media-art', 'fine-arts', 'advertising', 'animation'],
  '27-3041.00': ['chinese-language-literature', 'editing-publishing', 'journalism', 'network-new-media', 'english'],
  '27-3091.00': ['translation', 'english', 'japanese', 'french', 'russian', 'business-english'],
  '27-3031.00': ['advertising', 'journalism', 'network-new-media', 'marketing', 'chinese-language-literature'],
  '27-3042.00': ['english', 'chinese-language-literature', 'computer-science', 'translation', 'software-engineering'],
  '27-3023.00': ['journalism', 'broadcasting-journalism', 'chinese-language-literature', 'network-new-media', 'english'],
  '27-1021.00': ['industrial-design', 'product-design', 'visual-communication', 'mechanical-design'],
  '27-4032.00': ['broadcasting-journalism', 'digital-media-art', 'drama-film-literature', 'animation', 'network-new-media'],
  '23-1011.00': ['law', 'intellectual-property'],
  '23-2011.00': ['law', 'intellectual-property', 'political-science', 'public-administration'],
  '41-4011.00': ['marketing', 'business-administration', 'international-trade', 'chemistry', 'mechanical-design', 'biotechnology'],
  '41-9031.00': ['computer-science', 'electronic-information', 'communication-engineering', 'automation', 'mechanical-engineering', 'marketing'],
  '21-1021.00': ['social-work', 'sociology', 'applied-psychology', 'pedagogy'],
};

/** The majors that fit an occupation, as Major records, in order; [] for an unknown code. */
export const majorsForOccupation = (code: string): readonly Major[] =>
  (OCCUPATION_MAJORS[code] ?? []).flatMap((id) => {
    const m = majorById(id);
    return m === undefined ? [] : [m];
  });
