import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolations } from "./axe";
import { allowUpTo, PASSWORD, linkIn, markPriority, minimalPdf, nextMailTo, openSection, signUp, uniqueEmail, watchCspViolations } from "./helpers";
import { tagText, textOf, textUpTo, wordsFor } from "./i18n";

// PRODUCT.md, "What good looks like": the whole journey, owner and supporter in two browsers at once,
// through the UI only, on the embedded database as `npm test` runs it.
// Issue 16: the owner (the patient) reads Spanish and the supporter English, in the same case. Every
// word of the app comes from the catalogues (`es(…)`, `en(…)`), so the spec follows a reworded message;
// what people write stays as they wrote it, in whichever language they wrote it.

const es = wordsFor("es");
const en = wordsFor("en");

const TITLE = "Rodilla: cirugía o fisioterapia";
const OWNER = "Olivia Owner";
const SUPPORTER = "Sam Supporter";
// Questions from the bank are written in the language of the person who adds them.
const BANK_AGREE = es("questions.bank.diagnosis-confirm");
const BANK_OPTIONS = es("questions.bank.options-all");
const OWN_QUESTION = "Can I keep cycling to work while I decide?";
const WHY = en("questions.bank.options-why");
// The usual records list is made by the owner, so its titles are in Spanish for everyone.
const BLOODS = es("records.suggested.blood_work");
// The opinions' names are prefilled in the owner's language; once saved they are what the owner wrote.
const FIRST = es("opinions.defaultLabel", { index: 0 });
const SECOND = es("opinions.defaultLabel", { index: 1 });
const PLAN_FIRST = "Artroscopia de rodilla en menos de un mes.";
const PLAN_SECOND = "Twelve weeks of physiotherapy first.";
const OWNER_PRACTICAL = "Mi trabajo es flexible por unas semanas.";
const SUPPORTER_PRACTICAL = "I can drive to every appointment.";
const DECISION_REASONS = "Cirugía, pero después de seis semanas de fisioterapia.";

async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " "); // lines wrap where the page is full
}

/** axe finds nothing on the page as it is, and it is in Spanish. */
async function expectAccessibleInSpanish(page: Page, label: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  // The page's title streams in with its metadata; axe checks the finished page.
  await expect(page).toHaveTitle(/\S/);
  await expectNoAxeViolations(page, label);
}

test("the whole journey: the patient in Spanish and the supporter in English, from the self-check to the decision, the visit packet and the export", async ({ browser }) => {
  allowUpTo(240_000);
  // The browsers' languages (Accept-Language): the signed-out pages follow them, and so do the new accounts.
  const ownerContext = await browser.newContext({ locale: "es-MX" });
  const supporterContext = await browser.newContext({ locale: "en-US" });
  const owner = await ownerContext.newPage();
  const supporter = await supporterContext.newPage();
  const ownerViolations = watchCspViolations(owner);
  const supporterViolations = watchCspViolations(supporter);
  const ownerEmail = uniqueEmail("olivia");
  const supporterEmail = uniqueEmail("sam");

  // ── The supporter already has an account, in English.
  await signUp(supporter, SUPPORTER, supporterEmail);

  // ── The owner signs up in Spanish; the email that finishes it is in Spanish.
  await owner.goto("/sign-up");
  await expect(owner.locator("html")).toHaveAttribute("lang", "es");
  await owner.getByLabel(es("signIn.signUp.name")).fill(OWNER);
  await owner.getByLabel(es("signIn.shared.email")).fill(ownerEmail);
  await owner.getByLabel(es("signIn.signUp.password")).fill(PASSWORD);
  let since = Date.now();
  await owner.getByRole("button", { name: es("signIn.signUp.submit") }).click();
  await expect(owner.getByRole("heading", { name: es("signIn.signUp.sentTitle") })).toBeVisible();
  const signUpMail = await nextMailTo(ownerEmail, since);
  expect(signUpMail.subject).toBe(es("emails.signUpLink.subject"));
  expect(signUpMail.text).toContain(es("emails.hello", { name: OWNER }));
  // The body's words after the link (the part with no placeholders in it).
  expect(signUpMail.text).toContain(es("emails.signUpLink.body", { url: "\u0000", minutes: 0 }).split("\u0000")[1]);
  await owner.goto(linkIn(signUpMail, "/sign-up/finish"));
  await owner.getByRole("button", { name: es("signIn.finishSignUp.submit") }).click();
  await expect(owner.getByRole("heading", { name: es("cases.list.title") })).toBeVisible();

  // ── The owner starts with the self-check; "an emergency" shows the safety message at once, in Spanish.
  await owner.getByRole("link", { name: es("cases.list.start") }).click();
  await owner.getByRole("link", { name: es("cases.new.selfCheckStart") }).click();
  await expect(owner.getByRole("heading", { name: es("selfCheck.newCase.step1") })).toBeVisible();
  // (Next.js keeps a route announcer with role="alert" too, so the safety alert is found by its text.)
  const safety = owner.getByRole("alert").filter({ hasText: es("selfCheck.safety.title") });
  await expect(safety).toHaveCount(0);
  const emergency = owner.getByRole("checkbox", { name: es("selfCheck.cautions.emergency.label") });
  await emergency.check();
  await expect(safety).toBeVisible();
  await expect(safety).toContainText(textOf(es, "selfCheck.safety.callNow"));
  await expect(safety).toContainText(es("selfCheck.safety.later"));
  await expect(safety).toContainText(es("selfCheck.safety.notAdvice"));
  await expectAccessibleInSpanish(owner, "the self-check with the safety message");
  await emergency.uncheck();
  await expect(safety).toHaveCount(0);

  // ── A situation, the informational summary, and the case created from it.
  await owner.getByRole("checkbox", { name: es("selfCheck.situations.rushed_unheard.label") }).check();
  await expect(owner.getByRole("region", { name: es("selfCheck.summary.title") })).toContainText(es("selfCheck.summary.ticked", { count: 1 }));
  await owner.getByRole("button", { name: es("selfCheck.newCase.continue") }).click();
  await expect(owner.getByRole("heading", { name: es("selfCheck.newCase.step2") })).toBeFocused();
  await owner.getByLabel(es("cases.details.patientName")).fill(OWNER);
  await owner.getByLabel(es("cases.details.title")).fill(TITLE);
  await owner.getByRole("button", { name: es("cases.new.create") }).click();
  await expect(owner.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(owner).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = owner.url();
  await expect(owner.getByRole("region", { name: es("cases.overview.nextSteps") })).toBeVisible();
  await expectAccessibleInSpanish(owner, "the overview");

  // ── The owner invites the supporter by email. The invitation is written in its reader's language: the
  // supporter's account is English, so it is English although the owner wrote it in Spanish.
  await openSection(owner, es("cases.sections.sharing"), es);
  const invite = owner.getByRole("region", { name: es("sharing.page.inviteTitle") });
  await invite.getByLabel(es("sharing.invite.email")).fill(supporterEmail);
  await invite.getByRole("radio", { name: es("sharing.roles.supporter.name") }).check();
  since = Date.now();
  await invite.getByRole("button", { name: es("sharing.invite.create") }).click();
  const invitation = await nextMailTo(supporterEmail, since);
  expect(invitation.subject).toBe(en("emails.invitation.subject", { inviter: OWNER }));
  expect(invitation.text).toContain(en("emails.invitation.join", { inviter: OWNER, caseTitle: TITLE, role: "supporter" }));
  await supporter.goto(linkIn(invitation, "/invitations/"));
  await supporter.getByRole("button", { name: en("sharing.join.button") }).click();
  await expect(supporter).toHaveURL(caseUrl);
  await expect(supporter.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(supporter.locator("html")).toHaveAttribute("lang", "en");
  await owner.goto(caseUrl);

  // ── Questions: two from the bank, one of them pinned by the owner; one of the supporter's own, pinned too.
  await openSection(owner, es("cases.sections.questions"), es);
  await expect(owner.getByRole("heading", { level: 1, name: es("questions.page.title") })).toBeVisible();
  const suggested = owner.getByRole("region", { name: es("questions.page.suggested") });
  const ownerQuestions = owner.getByRole("region", { name: es("questions.page.yourQuestions") });
  for (const text of [BANK_AGREE, BANK_OPTIONS]) {
    const suggestion = suggested.getByRole("listitem").filter({ hasText: text });
    await suggestion.getByRole("button", { name: es("questions.suggested.addLabel", { question: text }) }).click();
    await expect(suggestion.getByRole("button", { name: es("questions.suggested.addedLabel", { question: text }) })).toBeDisabled();
    await expect(ownerQuestions.getByRole("listitem").filter({ hasText: text })).toBeVisible();
  }
  await markPriority(owner, BANK_OPTIONS, es);

  await openSection(supporter, en("cases.sections.questions"), en);
  await expect(supporter.getByRole("heading", { level: 1, name: en("questions.page.title") })).toBeVisible();
  await supporter.getByRole("textbox", { name: en("questions.addForm.label") }).fill(OWN_QUESTION);
  await supporter.getByRole("button", { name: en("questions.addForm.submit") }).click();
  await expect(supporter.getByText(en("questions.addForm.added"))).toBeVisible();
  await markPriority(supporter, OWN_QUESTION, en);
  await expect(supporter.getByRole("region", { name: en("questions.page.priorities") })).toContainText(
    textOf(en, "questions.priority.summary", { pinned: 2, min: 3, max: 5 }),
  );
  // The owner's question, added in Spanish, reads the same to the supporter.
  await expect(supporter.getByRole("listitem").filter({ hasText: BANK_OPTIONS })).toBeVisible();

  await owner.reload();
  await expect(ownerQuestions.getByRole("listitem")).toHaveCount(3);
  // Reloaded, the priorities come first, in a group of their own.
  const priorityGroup = es("questions.list.groupTitle", { title: es("questions.list.groups.priority"), count: 2 });
  await expect(owner.getByRole("region", { name: priorityGroup })).toContainText(OWN_QUESTION);
  await expectAccessibleInSpanish(owner, "the questions");

  // ── Records: the usual list; the owner adds a PDF, the supporter downloads the same bytes.
  await openSection(owner, es("cases.sections.records"), es);
  await expect(owner.getByRole("heading", { level: 1, name: es("records.page.title") })).toBeVisible();
  await owner.getByRole("button", { name: es("records.start.label") }).click();
  const ownerBloods = owner.getByRole("article", { name: BLOODS });
  const pdf = minimalPdf();
  // Choosing the file starts the upload.
  await ownerBloods.getByLabel(es("records.upload.chooseFor", { title: BLOODS })).setInputFiles({ name: "bloods.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(ownerBloods.getByRole("status").filter({ hasText: es("records.upload.addedFile", { name: "bloods.pdf" }) })).toBeVisible();

  await openSection(supporter, en("cases.sections.records"), en);
  const [record] = await Promise.all([
    supporter.waitForEvent("download"),
    supporter.getByRole("article", { name: BLOODS }).getByRole("link", { name: /bloods\.pdf/ }).click(),
  ]);
  expect(record.suggestedFilename()).toBe("bloods.pdf");
  expect((await readFile((await record.path())!)).equals(pdf)).toBe(true);

  // ── Medications (the owner) and an allergy (the supporter); each sees the other's, in their own words around it.
  await openSection(owner, es("cases.sections.health"), es);
  await expect(owner.getByRole("heading", { level: 1, name: es("healthLists.page.title") })).toBeVisible();
  const medications = owner.getByRole("region", { name: es("healthLists.page.medications"), exact: true });
  await medications.getByRole("button", { name: es("healthLists.medication.add") }).click();
  const addMedication = medications.getByRole("form", { name: es("healthLists.medication.add") });
  await addMedication.getByLabel(es("healthLists.medication.fields.name.label")).fill("Metformin");
  await addMedication.getByLabel(es("healthLists.medication.fields.dose.label")).fill("500 mg");
  await addMedication.getByLabel(es("healthLists.medication.fields.frequency.label")).fill("Dos veces al día con comida");
  await addMedication.getByRole("button", { name: es("healthLists.medication.submit") }).click();
  await expect(medications.getByRole("listitem", { name: "Metformin" })).toContainText("Dos veces al día con comida");

  await openSection(supporter, en("cases.sections.health"), en);
  const allergies = supporter.getByRole("region", { name: en("healthLists.page.allergies") });
  await allergies.getByRole("button", { name: en("healthLists.allergy.add") }).click();
  const addAllergy = allergies.getByRole("form", { name: en("healthLists.allergy.add") });
  await addAllergy.getByLabel(en("healthLists.allergy.fields.substance.label")).fill("Penicillin");
  await addAllergy.getByLabel(en("healthLists.allergy.fields.reaction.label")).fill("Hives");
  await addAllergy.getByLabel(en("healthLists.allergy.fields.severity.label")).selectOption({ label: en("healthLists.severity.moderate") });
  await addAllergy.getByRole("button", { name: en("healthLists.allergy.submit") }).click();
  await expect(allergies.getByRole("listitem", { name: "Penicillin" })).toContainText("Hives");
  await expect(supporter.getByRole("region", { name: en("healthLists.page.medications"), exact: true }).getByRole("listitem", { name: "Metformin" })).toBeVisible();
  await owner.reload();
  // The severity is a choice, not words someone wrote: the owner reads it in Spanish.
  await expect(owner.getByRole("region", { name: es("healthLists.page.allergies") }).getByRole("listitem", { name: "Penicillin" })).toContainText(
    es("healthLists.severity.moderate"),
  );

  // ── Two opinions; a call with the insurer logged on the first.
  await openSection(owner, es("cases.sections.opinions"), es);
  await expect(owner.getByRole("heading", { level: 1, name: es("opinions.list.title") })).toBeVisible();
  await expect(owner.getByLabel(es("opinions.form.label"))).toHaveValue(FIRST);
  await owner.getByLabel(es("opinions.form.clinician")).fill("Dr Ana Rivera");
  await owner.getByLabel(es("opinions.form.specialty")).fill("Ortopedia");
  await owner.getByRole("radio", { name: es("opinions.kind.same_specialty.name") }).check();
  await owner.getByLabel(es("opinions.form.visitDate"), { exact: true }).fill("2026-03-02");
  await owner.getByLabel(es("opinions.form.visitTime"), { exact: true }).fill("10:30");
  await owner.getByLabel(es("opinions.form.status"), { exact: true }).selectOption({ label: es("opinions.status.completed") });
  await owner.getByRole("button", { name: es("opinions.form.add") }).click();
  await expect(owner.getByRole("heading", { level: 1, name: FIRST })).toBeVisible();
  await expect(owner.getByText("Dr Ana Rivera")).toBeVisible();
  const firstOpinionUrl = owner.url();

  const calls = owner.getByRole("region", { name: es("opinions.page.callsTitle") });
  await calls.getByRole("button", { name: es("opinions.calls.log") }).click();
  await calls.getByLabel(es("opinions.calls.who")).fill("Línea de la aseguradora");
  await calls.getByLabel(es("opinions.calls.referenceField")).fill("REF-4471");
  await calls.getByLabel(es("opinions.calls.summary")).fill("La segunda opinión está cubierta con una referencia.");
  await calls.getByRole("button", { name: es("opinions.calls.save") }).click();
  const callList = calls.getByRole("list", { name: es("opinions.calls.listLabel") });
  await expect(callList.getByRole("listitem")).toHaveCount(1);
  await expect(callList).toContainText("REF-4471");

  await owner.getByRole("link", { name: es("opinions.page.allOpinions") }).click();
  await owner.getByRole("button", { name: es("opinions.editors.add") }).click();
  await expect(owner.getByLabel(es("opinions.form.label"))).toHaveValue(SECOND);
  await owner.getByLabel(es("opinions.form.clinician")).fill("Dr Ben Okafor");
  await owner.getByRole("radio", { name: es("opinions.kind.subspecialist.name") }).check();
  await owner.getByRole("button", { name: es("opinions.form.add") }).click();
  await expect(owner.getByRole("heading", { level: 1, name: SECOND })).toBeVisible();
  const secondOpinionUrl = owner.url();

  // ── During the first visit the supporter takes a note (and a private one); the owner sees only the first.
  await supporter.goto(firstOpinionUrl);
  await expect(supporter.getByRole("region", { name: en("opinions.page.callsTitle") })).toContainText("REF-4471");
  const visitNote = supporter.getByRole("form", { name: en("opinions.notes.formTitle") });
  await visitNote.getByLabel(en("opinions.notes.note"), { exact: true }).fill("Dr Rivera said **surgery soon** is reasonable.");
  await visitNote.getByRole("button", { name: en("opinions.notes.save") }).click();
  await expect(visitNote.getByText(en("opinions.notes.saved"))).toBeVisible();
  await visitNote.getByLabel(en("opinions.notes.note"), { exact: true }).fill("Private: I am worried about the cost.");
  await visitNote.getByLabel(en("opinions.notes.keepPrivate")).check();
  await visitNote.getByRole("button", { name: en("opinions.notes.save") }).click();
  const supporterVisitNotes = supporter.getByRole("list", { name: en("opinions.notes.listLabel", { label: FIRST }) });
  await expect(supporterVisitNotes.getByRole("listitem")).toHaveCount(2);

  await owner.goto(firstOpinionUrl);
  const ownerVisitNotes = owner.getByRole("list", { name: es("opinions.notes.listLabel", { label: FIRST }) });
  await expect(ownerVisitNotes.getByRole("listitem")).toHaveCount(1);
  await expect(ownerVisitNotes.getByRole("strong")).toHaveText("surgery soon");
  await expect(ownerVisitNotes).toContainText(SUPPORTER);
  await expect(owner.getByText("worried about the cost")).toHaveCount(0);

  // ── Both fill the grid: each a different cell of the same row.
  await openSection(owner, es("cases.sections.compare"), es);
  await supporter.goto(`${caseUrl}/compare`);
  const ownerGrid = owner.getByRole("table", { name: es("comparison.grid.caption") });
  const supporterGrid = supporter.getByRole("table", { name: en("comparison.grid.caption") });
  await expect(ownerGrid.getByRole("columnheader", { name: FIRST })).toBeVisible();
  await expect(ownerGrid.getByRole("columnheader", { name: SECOND })).toBeVisible();
  await expect(owner.getByText(es("comparison.page.summary", { agree: 0, differ: 0, unsure: 0, unmarked: 8 }))).toBeVisible();

  const ownerPlanFirst = es("comparison.cell.where", { aspect: es("comparison.aspect.main_plan"), opinion: FIRST });
  await ownerGrid.getByRole("button", { name: es("comparison.cell.writeLabel", { where: ownerPlanFirst }) }).click();
  await ownerGrid.getByRole("textbox", { name: ownerPlanFirst }).fill(PLAN_FIRST);
  await ownerGrid.getByRole("button", { name: es("comparison.cell.save"), exact: true }).click();
  await expect(ownerGrid.getByText(PLAN_FIRST)).toBeVisible();
  const lastChangedBy = (t: typeof es, name: string) => textUpTo(textOf(t, "comparison.cell.lastChanged", { name }), name);
  await expect(ownerGrid.getByText(lastChangedBy(es, OWNER))).toBeVisible();

  // The supporter's page was loaded before the owner saved; a different cell saves without any conflict.
  const supporterPlanSecond = en("comparison.cell.where", { aspect: en("comparison.aspect.main_plan"), opinion: SECOND });
  await supporterGrid.getByRole("button", { name: en("comparison.cell.writeLabel", { where: supporterPlanSecond }) }).click();
  await supporterGrid.getByRole("textbox", { name: supporterPlanSecond }).fill(PLAN_SECOND);
  await supporterGrid.getByRole("button", { name: en("comparison.cell.save"), exact: true }).click();
  await expect(supporterGrid.getByText(PLAN_SECOND)).toBeVisible();

  await owner.reload();
  await supporter.reload();
  for (const [grid, t] of [
    [ownerGrid, es],
    [supporterGrid, en],
  ] as const) {
    await expect(grid.getByText(PLAN_FIRST)).toBeVisible();
    await expect(grid.getByText(PLAN_SECOND)).toBeVisible();
    await expect(grid.getByText(lastChangedBy(t, SUPPORTER))).toBeVisible();
  }

  // The supporter marks the row "They differ"; the owner sees the mark and the summary follow.
  const planMarks = supporterGrid.getByRole("group", { name: en("comparison.rowMark.groupLabel", { aspect: en("comparison.aspect.main_plan") }) });
  await planMarks.getByRole("button", { name: en("comparison.mark.differ") }).click();
  await expect(planMarks.getByRole("button", { name: en("comparison.mark.differ") })).toHaveAttribute("aria-pressed", "true");
  const differs = { agree: 0, differ: 1, unsure: 0, unmarked: 7 };
  await expect(supporter.getByText(en("comparison.page.summary", differs))).toBeVisible();
  await owner.reload();
  await expect(owner.getByText(es("comparison.page.summary", differs))).toBeVisible();
  await expect(
    ownerGrid
      .getByRole("group", { name: es("comparison.rowMark.groupLabel", { aspect: es("comparison.aspect.main_plan") }) })
      .getByRole("button", { name: es("comparison.mark.differ") }),
  ).toHaveAttribute("aria-pressed", "true");

  // From the same row, a clarifying question for the second opinion, in one step.
  const secondWithClinician = en("comparison.ask.withClinician", { label: SECOND, clinician: "Dr Ben Okafor" });
  await supporterGrid.getByRole("button", { name: en("comparison.ask.openLabel", { aspect: en("comparison.aspect.main_plan") }) }).click();
  await supporterGrid.getByRole("combobox", { name: en("comparison.ask.question") }).selectOption({ label: WHY });
  await supporterGrid.getByRole("combobox", { name: en("comparison.ask.whom") }).selectOption({ label: secondWithClinician });
  await supporterGrid.getByRole("button", { name: en("comparison.ask.add") }).click();
  await expect(supporterGrid.getByRole("status").filter({ hasText: en("comparison.ask.added", { label: SECOND }) })).toBeVisible();
  await supporter.goto(secondOpinionUrl);
  const visitQuestions = supporter.getByRole("region", { name: en("opinions.page.questionsTitle") });
  await expect(visitQuestions.getByRole("listitem").filter({ hasText: WHY })).toContainText(en("opinions.questions.notAsked"));

  // ── Both reflect; each sees the other's reflection next to their own, the choices in their own language.
  await openSection(owner, es("cases.sections.decide"), es);
  await expect(owner.getByRole("heading", { level: 1, name: es("decision.title") })).toBeVisible();
  await expect(owner.getByText(textOf(es, "decision.before.noAdvice"))).toBeVisible();
  await owner.getByRole("checkbox", { name: es("decision.values.quality_of_life") }).check();
  await owner.getByRole("radio", { name: "2", exact: true }).check();
  await owner.getByLabel(es("decision.reflection.practical")).fill(OWNER_PRACTICAL);
  await owner
    .getByLabel(es("decision.reflection.communicationOpinion"))
    .selectOption({ label: es("comparison.ask.withClinician", { label: SECOND, clinician: "Dr Ben Okafor" }) });
  await owner
    .getByRole("group", { name: es("decision.checks.knowBenefitsRisks") })
    .getByRole("radio", { name: es("decision.answers.no"), exact: true })
    .check();
  await owner.getByRole("button", { name: es("decision.reflection.submit") }).click();
  await expect(owner.getByText(es("decision.reflection.saved"))).toBeVisible();

  await openSection(supporter, en("cases.sections.decide"), en);
  await supporter.getByRole("checkbox", { name: en("decision.values.independence") }).check();
  await supporter.getByLabel(en("decision.reflection.practical")).fill(SUPPORTER_PRACTICAL);
  await supporter.getByRole("button", { name: en("decision.reflection.submit") }).click();
  await expect(supporter.getByText(en("decision.reflection.saved"))).toBeVisible();

  await owner.reload();
  const ownersOwn = owner.getByRole("article", { name: es("decision.card.mine") });
  await expect(ownersOwn).toContainText(es("decision.values.quality_of_life"));
  await expect(ownersOwn).toContainText(es("comparison.ask.withClinician", { label: SECOND, clinician: "Dr Ben Okafor" }));
  // A "No" shows its next step, not a score.
  await expect(ownersOwn.getByRole("link", { name: es("decision.card.goToQuestions") })).toBeVisible();
  await expect(owner.getByRole("article", { name: es("decision.card.theirs", { name: SUPPORTER }) })).toContainText(es("decision.values.independence"));
  await supporter.reload();
  await expect(supporter.getByRole("article", { name: en("decision.card.theirs", { name: OWNER }) })).toContainText(en("decision.values.quality_of_life"));
  await expect(supporter.getByRole("article", { name: en("decision.card.mine") })).toContainText(SUPPORTER_PRACTICAL);

  // ── The owner records the decision; the supporter sees it, in English, and has no way to change it.
  const ownerDecision = owner.getByRole("region", { name: es("decision.decision.title") });
  await ownerDecision.getByRole("button", { name: es("decision.form.open") }).click();
  await ownerDecision.getByRole("radio", { name: es("decision.paths.continue_first_adjusted") }).check();
  await ownerDecision.getByLabel(es("decision.form.reasons")).fill(DECISION_REASONS);
  await ownerDecision.getByLabel(es("decision.form.nextSteps")).fill("Cita de seguimiento con la Dra. Rivera.");
  await ownerDecision.getByRole("button", { name: es("decision.form.submit") }).click();
  const current = owner.getByRole("region", { name: es("decision.decision.current") });
  await expect(current).toContainText(es("decision.paths.continue_first_adjusted"));
  await expect(current).toContainText(textUpTo(textOf(es, "decision.record.recordedBy", { name: OWNER }), OWNER));
  await expectAccessibleInSpanish(owner, "decide, with both reflections and the decision");

  await supporter.reload();
  const supporterDecision = supporter.getByRole("region", { name: en("decision.decision.title") });
  const supporterCurrent = supporterDecision.getByRole("region", { name: en("decision.decision.current") });
  await expect(supporterCurrent).toContainText(DECISION_REASONS);
  await expect(supporterCurrent).toContainText(en("decision.paths.continue_first_adjusted"));
  await expect(supporterDecision.getByText(en("decision.decision.ownerOnly"))).toBeVisible();
  await expect(supporterDecision.getByRole("button", { name: en("decision.form.open") })).toHaveCount(0);
  await expect(supporterDecision.getByRole("radio")).toHaveCount(0);

  // ── The visit packet for the second opinion, as a PDF: the priorities, the medication and the allergy.
  // The owner downloads it in Spanish; the supporter, from the same page, in English.
  await owner.goto(secondOpinionUrl);
  await owner.getByRole("link", { name: tagText(es, "opinions.page.preparePacket", "link") }).click();
  await expect(owner.getByRole("heading", { level: 1, name: es("packet.page.title") })).toBeVisible();
  await expect(owner.getByRole("article", { name: es("packet.sheet.title", { label: SECOND }) })).toContainText(OWN_QUESTION);
  const packetUrl = owner.url();
  const packet = await download(owner, es("packet.actions.downloadHere"));
  expect(packet.name).toBe(es("packet.sheet.fileName", { label: SECOND }));
  expect(packet.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const packetText = await pdfText(packet.bytes);
  for (const text of [OWN_QUESTION, BANK_OPTIONS, "Metformin", "Penicillin", OWNER]) expect(packetText).toContain(text);
  for (const text of [es("packet.section.medications"), es("packet.section.allergies"), es("packet.sheet.pdfFooter")]) expect(packetText).toContain(text);
  expect(packetText).not.toContain(en("packet.section.allergies"));

  await supporter.goto(packetUrl);
  await expect(supporter.getByRole("heading", { level: 1, name: en("packet.page.title") })).toBeVisible();
  const englishPacket = await download(supporter, en("packet.actions.downloadHere"));
  expect(englishPacket.name).toBe(en("packet.sheet.fileName", { label: SECOND }));
  const englishText = await pdfText(englishPacket.bytes);
  for (const text of [OWN_QUESTION, "Metformin", "Penicillin", en("packet.section.medications"), en("packet.section.allergies"), en("packet.sheet.pdfFooter")]) {
    expect(englishText).toContain(text);
  }
  expect(englishText).not.toContain(es("packet.section.allergies"));

  // ── The export: the case, both reflections and the decision.
  await openSection(owner, es("cases.sections.sharing"), es);
  const exported = await download(owner, es("sharing.page.exportJson"));
  expect(exported.name).toMatch(/\.json$/);
  const data = JSON.parse(exported.bytes.toString("utf8")) as {
    format: string;
    case: { title: string };
    questions: { text: string; pinned: boolean }[];
    reflections: { practical: string }[];
    decisions: { reasons: string }[];
  };
  expect(data.format).toBe("secondlook.case-export");
  expect(data.case.title).toBe(TITLE);
  expect(data.reflections.map((r) => r.practical).sort()).toEqual([SUPPORTER_PRACTICAL, OWNER_PRACTICAL].sort());
  expect(data.decisions.map((d) => d.reasons)).toEqual([DECISION_REASONS]);
  expect(data.questions.filter((q) => q.pinned)).toHaveLength(2);

  // ── On a phone, the same grid shows one aspect at a time, the opinions stacked; Next moves on.
  await supporter.setViewportSize({ width: 390, height: 844 });
  await openSection(supporter, en("cases.sections.compare"), en);
  await expect(supporter.getByRole("heading", { level: 1, name: en("comparison.page.heading") })).toBeVisible();
  const phoneGrid = supporter.getByRole("table", { name: en("comparison.grid.caption") });
  await expect(supporter.getByRole("combobox", { name: en("comparison.steps.jump") })).toHaveValue("0");
  await expect(supporter.getByRole("heading", { level: 3, name: en("comparison.aspect.diagnosis") })).toBeVisible();
  // The header row (there for screen readers) and the one aspect shown.
  await expect(phoneGrid.getByRole("row")).toHaveCount(2);
  const shownRow = phoneGrid.getByRole("row").filter({ has: supporter.getByRole("rowheader") });
  await expect(shownRow.getByRole("rowheader")).toHaveText(en("comparison.aspect.diagnosis"));
  const stacked = shownRow.getByRole("cell");
  await expect(stacked).toHaveCount(3);
  const [firstBox, secondBox] = [await stacked.nth(0).boundingBox(), await stacked.nth(1).boundingBox()];
  expect(firstBox && secondBox && secondBox.y >= firstBox.y + firstBox.height).toBe(true);
  expect(secondBox && secondBox.x + secondBox.width <= 390).toBe(true);

  await supporter.getByRole("button", { name: en("comparison.steps.next") }).click();
  await expect(supporter.getByRole("heading", { level: 3, name: en("comparison.aspect.main_plan") })).toBeVisible();
  await expect(supporter.getByRole("combobox", { name: en("comparison.steps.jump") })).toHaveValue("1");
  await expect(shownRow.getByRole("rowheader")).toHaveText(en("comparison.aspect.main_plan"));
  await expect(stacked.nth(0)).toContainText(PLAN_FIRST);
  await expect(stacked.nth(1)).toContainText(PLAN_SECOND);
  // One grid for every width: each entry is in the page once.
  await expect(supporter.getByText(PLAN_FIRST)).toHaveCount(1);

  // ── On a phone, Decide is steps: only the reader's current one is open (here the decision, to comment on).
  await openSection(supporter, en("cases.sections.decide"), en);
  await expect(supporter.getByRole("heading", { level: 1, name: en("decision.title") })).toBeVisible();
  await expect(supporter.getByRole("button", { name: en("decision.comment.submit") })).toBeVisible();
  await expect(supporter.getByRole("button", { name: en("decision.reflection.submit") })).toBeHidden();
  // A step's link opens that step.
  await supporter.getByRole("navigation", { name: en("decision.steps.nav") }).getByRole("link", { name: en("decision.steps.reflect"), exact: true }).click();
  await expect(supporter.getByRole("button", { name: en("decision.reflection.submit") })).toBeVisible();
  await expect(supporter.getByRole("button", { name: en("decision.hidePart", { title: en("decision.reflect.titleUpdate") }) })).toHaveAttribute(
    "aria-expanded",
    "true",
  );

  expect(ownerViolations).toEqual([]);
  expect(supporterViolations).toEqual([]);
  await ownerContext.close();
  await supporterContext.close();
});
