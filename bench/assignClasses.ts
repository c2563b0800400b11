/**
 * ASSIGN_CLASSES at the size of a real intake: 1,000 students into 20 classes, random scores and genders. Time
 * against the snake placement of the same students (the baseline), and the largest class-mean gap as a ratio to
 * the snake's (target ≤ 0.5).
 */
import { assignClasses, classBalance, snakeAssignment, type Gender } from "../src/domain/assignClasses";
import { seededRandom } from "../src/domain/random";
import { measure, ms, ratio } from "./measure";

export function benchAssignClasses(students = 1000, classes = 20, trials = 5) {
  const figures = Array.from({ length: trials }, (_, t) => {
    const random = seededRandom(1000 + t);
    const scores = Array.from({ length: students }, () => Math.round(random() * 1000) / 10);
    const genders: Gender[] = scores.map(() => (random() < 0.52 ? "M" : "F"));
    const assigned = assignClasses(scores, classes, genders, 1);
    const snake = snakeAssignment(scores, classes, genders, 1);
    const gap = classBalance(assigned, scores, genders).meanGap;
    const snakeGap = classBalance(snake, scores, genders).meanGap;
    const time = measure(() => void assignClasses(scores, classes, genders, 1), { rounds: 3, budgetMs: 100 });
    const snakeTime = measure(() => void snakeAssignment(scores, classes, genders, 1), {
      rounds: 3,
      budgetMs: 100,
    });
    return { ms: ms(time.seconds), snakeMs: ms(snakeTime.seconds), gap, snakeGap };
  });
  const worst = figures.reduce((a, b) => (b.ms > a.ms ? b : a));
  return {
    students,
    classes,
    trials: figures.map((f) => ({ ...f, gapRatio: ratio(f.gap, f.snakeGap) })),
    worstMs: worst.ms,
    timeRatioToSnake: ratio(worst.ms, worst.snakeMs),
    worstGapRatio: Math.max(...figures.map((f) => ratio(f.gap, f.snakeGap))),
  };
}
