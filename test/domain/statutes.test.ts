import fc from "fast-check";
import { compulsoryEducationLawArticle, educationLawArticle } from "../../src/domain/statutes";

describe("the three-growth statute articles by year", () => {
  it("cites 教育法 Art. 55 of the 1995 text before the 2015 amendment took effect (2016-06-01), Art. 56 after", () => {
    expect(educationLawArticle(2004).zh).toBe("教育法(1995年)第五十五条");
    expect(educationLawArticle(2012).zh).toBe("教育法(1995年)第五十五条");
    expect(educationLawArticle(2016).zh).toBe("教育法(1995年)第五十五条");
    expect(educationLawArticle(2017).zh).toBe("教育法(2015年修正)第五十六条第二款");
    expect(educationLawArticle(2026).en).toBe("Education Law (2015 amendment) Art. 56 ¶2");
  });
  it("cites 义务教育法 1986 Art. 12 before the 2006 revision took effect (2006-09-01), Art. 42 ¶3 after", () => {
    expect(compulsoryEducationLawArticle(2004).zh).toBe("义务教育法(1986年)第十二条");
    expect(compulsoryEducationLawArticle(2006).zh).toBe("义务教育法(1986年)第十二条");
    expect(compulsoryEducationLawArticle(2007).zh).toBe("义务教育法(2006年修订)第四十二条第三款");
    expect(compulsoryEducationLawArticle(2012).en).toBe("Compulsory Education Law (2006) Art. 42 ¶3");
  });
  it("changes each article once, never back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), (year) => {
        const later = (a: string, b: string) => a === b || b.includes("2015") || b.includes("2006");
        expect(later(educationLawArticle(year).zh, educationLawArticle(year + 1).zh)).toBe(true);
        expect(
          later(compulsoryEducationLawArticle(year).zh, compulsoryEducationLawArticle(year + 1).zh),
        ).toBe(true);
      }),
    );
  });
  it("names the year argument for a year it does not accept", () => {
    expect(() => educationLawArticle(2012.5)).toThrow(/year/);
    expect(() => compulsoryEducationLawArticle(1980)).toThrow(/year/);
  });
});
