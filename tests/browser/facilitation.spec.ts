import { expect, test } from "@playwright/test";
import { expectAccessible, joinByLink, openSection, startAssessment, statement } from "./pages.ts";

const RISKS = "How do you manage risks?";

test("the dashboard shows who is where and what changed, live", async ({ browser }) => {
  const priya = await (await browser.newContext()).newPage();
  const sam = await (await browser.newContext()).newPage();
  const { link } = await startAssessment(priya, "Dashboard workshop", "Priya");
  await joinByLink(sam, link, "Sam");
  await priya.getByRole("link", { name: "Dashboard" }).click();
  await expect(priya.getByRole("heading", { name: "Facilitator dashboard" })).toBeVisible();

  await openSection(sam, "Security");
  await expect(priya.getByTestId("online")).toContainText("Sam on Security");
  await statement(sam, RISKS, "Tracked in spreadsheets by each team.").check();

  await expect(priya.getByTestId("board-score-security")).toHaveText("2.0");
  await expect(priya.getByTestId("feed")).toContainText(
    "Sam changed “How do you manage risks?” from no answer to level 2",
  );
  await expectAccessible(priya);

  await sam.close();
  await expect(priya.getByTestId("online")).not.toContainText("Sam", { timeout: 20_000 });
});

test("the projector view is large, read-only and accessible", async ({ page }) => {
  const { url } = await startAssessment(page, "Projected workshop", "Priya");
  await page.goto(`${url}/projector`);

  await expect(page.getByRole("heading", { level: 1, name: "Projected workshop" })).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expectAccessible(page);
});

test("a removed member is told so at once", async ({ browser }) => {
  const priya = await (await browser.newContext()).newPage();
  const sam = await (await browser.newContext()).newPage();
  const { link } = await startAssessment(priya, "Removal workshop", "Priya");
  await joinByLink(sam, link, "Sam");
  await openSection(sam, "Security");
  await priya.getByRole("link", { name: "Dashboard" }).click();

  await priya.getByRole("button", { name: "Remove Sam" }).click();
  await priya.getByRole("button", { name: "Yes, remove" }).click();

  await expect(
    sam.getByRole("heading", { name: "You are no longer in this assessment" }),
  ).toBeVisible();
});

test("a choice overtaken by someone else's is reported and can be applied anyway", async ({
  browser,
}) => {
  const priya = await (await browser.newContext()).newPage();
  const sam = await (await browser.newContext()).newPage();
  const { link } = await startAssessment(priya, "Conflict workshop", "Priya");

  // Hold back what the server sends to Sam's page, so that Sam chooses without
  // having seen Priya's answer: the situation of two people clicking at once.
  let holding = false;
  const held: (string | Buffer)[] = [];
  await sam.routeWebSocket(/\/graphql$/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => (holding ? held.push(message) : socket.send(message)));
  });
  await joinByLink(sam, link, "Sam");
  await openSection(sam, "Security");
  await openSection(priya, "Security");

  holding = true;
  await statement(priya, RISKS, "Informally, by individuals.").check();
  await expect(priya.getByTestId("progress-security")).toContainText("1 answered");
  await statement(sam, RISKS, "We have a central risk system, which we review and update.").check();

  const notice = sam.getByTestId("conflict-security/risk-management");
  await expect(notice).toContainText("Priya changed this answer to “Informally, by individuals.”");
  await expect(statement(sam, RISKS, "Informally, by individuals.")).toBeChecked();

  await notice.getByRole("button", { name: /Use my choice/ }).click();

  await expect(
    statement(priya, RISKS, "We have a central risk system, which we review and update."),
  ).toBeChecked();
  await expect(notice).toHaveCount(0);
});

test("a page that was offline catches up without a reload", async ({ browser }) => {
  const priyaContext = await browser.newContext();
  const priya = await priyaContext.newPage();
  const sam = await (await browser.newContext()).newPage();
  const { link } = await startAssessment(priya, "Offline workshop", "Priya");
  await joinByLink(sam, link, "Sam");
  await openSection(priya, "Security");
  await openSection(sam, "Security");

  await priyaContext.setOffline(true);
  await expect(priya.getByText("Reconnecting…")).toBeVisible();
  await statement(
    priya,
    "How do you manage staff identities?",
    "Each service manages its own identities.",
  ).check();
  await expect(priya.getByText("Not saved: you are offline")).toBeVisible();
  await statement(sam, RISKS, "Informally, by individuals.").check();
  await statement(
    sam,
    "How do you secure your network and control access?",
    "We rely on network controls like firewalls and IP allow-lists.",
  ).check();
  await statement(sam, "How do you manage privileged access?", "I don't know").check();

  await priyaContext.setOffline(false);

  await expect(priya.getByText("Reconnecting…")).toHaveCount(0, { timeout: 20_000 });
  await expect(priya.getByTestId("progress-security")).toContainText(
    "3 answered, 1 “I don't know”",
  );
  await expect(statement(priya, RISKS, "Informally, by individuals.")).toBeChecked();
  await expect(
    statement(
      sam,
      "How do you manage staff identities?",
      "Each service manages its own identities.",
    ),
  ).toBeChecked();
});
