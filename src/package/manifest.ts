/**
 * The descriptors an LMS reads from a package: `imsmanifest.xml` for SCORM 1.2 and SCORM 2004
 * 4th edition (namespaces and element order per the ADL XSDs), and `cmi5.xml` (the cmi5 course
 * structure). One course, one launchable unit: the launch page. Pure text in, text out.
 */

/** What the descriptors say about a package. */
export interface PackageDescription {
  /** A slug, stable for a bank (its id): the manifest's identifiers derive from it. */
  id: string;
  title: string;
  /** Plain text; cmi5 requires one, so the title stands in when there is none. */
  description?: string;
  /** BCP 47 tag of the text (cmi5 `langstring lang`). */
  language: string;
  /** Percentage needed to pass, 0..100; absent: a set is complete when done, never failed. */
  passMark?: number;
  /** The launch page, relative to the package root. */
  launch: string;
  /** Every file of the package except the descriptor itself, `/`-separated paths. */
  files: string[];
}

/** Text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An xsd:ID (NCName) from a slug: letters, digits, `-`, `_`, `.`, starting with a letter. */
function xmlId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/** A percentage as SCORM 2004 / cmi5 want it: a decimal 0..1. */
const fraction = (percent: number) => String(Math.round(percent * 100) / 10_000);

const fileList = (files: string[], indent: string) => files.map((href) => `${indent}<file href="${escapeXml(href)}"/>`).join('\n');

/**
 * The one organization (one item, whose own elements follow its title) and the one resource (the
 * launch page, listing every file), as both SCORM versions write them: they differ in the item's
 * elements and in the case of the SCO attribute (`adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004).
 */
function organizationAndResource(pkg: PackageDescription, itemElements: string, scoAttribute: 'adlcp:scormtype' | 'adlcp:scormType'): string {
  return `  <organizations default="${xmlId('org', pkg.id)}">
    <organization identifier="${xmlId('org', pkg.id)}">
      <title>${escapeXml(pkg.title)}</title>
      <item identifier="${xmlId('item', pkg.id)}" identifierref="${xmlId('resource', pkg.id)}" isvisible="true">
        <title>${escapeXml(pkg.title)}</title>${itemElements}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${xmlId('resource', pkg.id)}" type="webcontent" ${scoAttribute}="sco" href="${escapeXml(pkg.launch)}">
${fileList(pkg.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** `imsmanifest.xml` for SCORM 1.2 (IMS CP 1.1.2 + ADL CP 1.2); a pass mark becomes `adlcp:masteryscore`. */
export function scorm12Manifest(pkg: PackageDescription): string {
  const mastery = pkg.passMark === undefined ? '' : `\n        <adlcp:masteryscore>${Math.round(pkg.passMark)}</adlcp:masteryscore>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('manifest', pkg.id)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
${organizationAndResource(pkg, mastery, 'adlcp:scormtype')}`;
}

/**
 * `imsmanifest.xml` for SCORM 2004 4th edition. The content sets completion and success
 * (`deliveryControls`); with a pass mark the primary objective is satisfied by the scaled score
 * (`minNormalizedMeasure`), which the LMS also hands the SCO as `cmi.scaled_passing_score`.
 */
export function scorm2004Manifest(pkg: PackageDescription): string {
  const objectives = pkg.passMark === undefined
    ? ''
    : `
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${xmlId('pass', pkg.id)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${fraction(pkg.passMark)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('manifest', pkg.id)}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
${organizationAndResource(pkg, `
        <imsss:sequencing>${objectives}
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>`, 'adlcp:scormType')}`;
}

/** The course and AU ids of a cmi5 package: IRIs (URNs) stable for the bank id. */
export function cmi5Ids(id: string): { course: string; au: string } {
  const safe = id.replace(/[^A-Za-z0-9._~-]/g, (c) => encodeURIComponent(c));
  return { course: `urn:quiz-elements:course:${safe}`, au: `urn:quiz-elements:au:${safe}` };
}

/**
 * `cmi5.xml`: one course with one AU, launched in any window. Without a pass mark the AU moves
 * on when completed or passed; with one, it must be passed, and `masteryScore` is the pass mark.
 */
export function cmi5CourseStructure(pkg: PackageDescription): string {
  const ids = cmi5Ids(pkg.id);
  const lang = escapeXml(pkg.language || 'en');
  const text = (value: string) => `<langstring lang="${lang}">${escapeXml(value)}</langstring>`;
  const description = pkg.description?.trim() || pkg.title;
  const mastery = pkg.passMark === undefined ? '' : ` masteryScore="${fraction(pkg.passMark)}"`;
  const moveOn = pkg.passMark === undefined ? 'CompletedOrPassed' : 'Passed';
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(ids.course)}">
    <title>${text(pkg.title)}</title>
    <description>${text(description)}</description>
  </course>
  <au id="${escapeXml(ids.au)}" moveOn="${moveOn}"${mastery} launchMethod="AnyWindow">
    <title>${text(pkg.title)}</title>
    <description>${text(description)}</description>
    <url>${escapeXml(pkg.launch)}</url>
  </au>
</courseStructure>
`;
}
