/**
 * Short names writers use for O*NET Technology Skills examples, keyed by the example exactly as O*NET writes it:
 * a résumé says "Rhino", "Westlaw" or "Epic", never "McNeel Rhinoceros 3D". Markers as in seed.ts (`^` exact letter
 * case, `~` list context only). Only product names: a word that is also an ordinary English word keeps its case
 * (`^Epic`, `^Nuke`) or needs a list around it. Each alias finds the tool only where no other skill owns the phrase.
 */
export const ONET_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'McNeel Rhinoceros 3D': ['^Rhino', 'Rhino 3D', 'Rhinoceros', '犀牛'],
  'Chaos Group V-Ray': ['V-Ray', 'VRay', '^Vray'],
  'Thomson Reuters Westlaw': ['Westlaw'],
  'LexisNexis Lexis Advance': ['Lexis Advance', 'Lexis+'],
  // Relativity is also physics: only in its exact case and in a list or after "in" ("Westlaw, Relativity").
  'Relativity e-Discovery': ['~^Relativity', 'RelativityOne'],
  'Epic Systems': ['^Epic', 'Epic EHR', 'Epic EMR'],
  'Workday software': ['^Workday', 'Workday HCM'],
  'Henry Schein Dentrix': ['Dentrix'],
  'MICROS Systems OPERA Property Management System PMS': ['Opera PMS', 'OPERA PMS', 'Oracle Opera', 'OPERA Cloud'],
  'QSR International NVivo': ['NVivo'],
  'Linear Technology LTSpice': ['LTspice', 'LTSpice'],
  'REDCap Research Electronic Data Capture': ['REDCap'],
  'Avid Technology Sibelius': ['^Sibelius'],
  'Apple Logic Pro': ['Logic Pro', 'Logic Pro X'],
  'Autodesk AutoCAD Civil 3D': ['Civil 3D', 'AutoCAD Civil 3D', 'Civil3D'],
  'The Foundry Nuke': ['^Nuke', 'Nuke Studio'],
  'Psychology Software Tools E-Prime': ['E-Prime', 'EPrime'],
  'S&P Capital IQ': ['Capital IQ', 'CapIQ', 'S&P Capital IQ Pro'],
  'Oracle Primavera Enterprise Project Portfolio Management': ['Primavera P6', '^Primavera', 'Oracle Primavera'],
  'HubSpot software': ['HubSpot'],
  'Autodesk Fusion 360': ['Fusion 360', 'Fusion360'],
  'Alteryx software': ['Alteryx'],
  'IBM SPSS Amos': ['SPSS Amos', '^AMOS'],
  'Microsoft Active Directory': ['Active Directory'],
  'LabWare LIMS': ['LabWare'],
  // Engineering and research programs named without their vendor ("Multisim 仿真", "用 Mplus 做结构方程模型",
  // "ADAMS/Car 运动学仿真", "AMESim 液压回路", "HFSS 仿真", "CANoe", "LS-DYNA", "GDAL").
  'National Instruments Multisim': ['Multisim', 'NI Multisim'],
  'Muthen & Muthen Mplus': ['Mplus'],
  'MSC Software Adams': ['^ADAMS', 'ADAMS/Car', 'Adams/Car', 'Adams/View', 'MSC Adams'],
  'LMS Imagine.Lab AMESim': ['AMESim', 'Amesim', 'AMESIM', 'Simcenter Amesim'],
  'Ansoft HFSS': ['HFSS', 'Ansys HFSS'],
  'Vector CANoe': ['CANoe'],
  'ANSYS LS-DYNA': ['LS-DYNA'],
  'Geospatial data abstraction library GDAL': ['GDAL'],
  // Writers drop the exclamation mark of the product's name ("用 Kahoot 做课堂小测", "quizzes in Kahoot").
  'Kahoot!': ['Kahoot'],
  // Products a vet, a librarian, a pharmacist's or a nurse's ward, a musician, an engineer or an analyst names by
  // the product alone ("Avimark, IDEXX Cornerstone", "Omeka", "Pyxis MedStation", "Finale", "Petrel", "JMP"). A word
  // that is also an ordinary word keeps its case and needs a list or "in" around it ("Cornerstone", "Finale").
  'IDEXX Laboratories IDEXX Cornerstone': ['IDEXX Cornerstone', '~^Cornerstone'],
  'McAllister Software Systems AVImark': ['AVImark', 'Avimark'],
  'Omeka software': ['Omeka', 'Omeka S'],
  'Wolfram Research Mathematica': ['Mathematica'],
  'Splunk Enterprise': ['Splunk'],
  'Schlumberger Petrel E&P': ['^Petrel'],
  'SAS JMP': ['^JMP'],
  'Centers for Disease Control and Prevention Epi Info': ['Epi Info'],
  'Gemcom Surpac': ['Surpac'],
  'Mentor Graphics Calibre': ['Calibre DRC', 'Calibre LVS'],
  'PTC Windchill': ['Windchill'],
  'Pix4D Pix4Dmapper': ['Pix4Dmapper'],
  'Pyxis MedStation software': ['Pyxis MedStation', 'Pyxis'],
  'Axxya Systems Nutritionist Pro': ['Nutritionist Pro'],
  'MakeMusic Finale': ['~^Finale'],
  'Gallery Systems The Museum System': ['The Museum System'],
  'Microsoft Azure DevOps Services': ['Azure DevOps'],
  'Carrier Hourly Analysis Program HAP': ['Carrier HAP'],
};
