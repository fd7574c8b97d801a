import { Max, Min } from 'class-validator';
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';

import { VisibleField } from '../auth/access.js';
import { ValidationError } from '../errors/domain-errors.js';

// Every subgraph returns it, so it is declared shareable for composition.
@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in the whole result.' })
export class PageInfo {
  @VisibleField(() => Boolean)
  hasNextPage!: boolean;

  @VisibleField(() => Boolean)
  hasPreviousPage!: boolean;

  @VisibleField(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;

  @VisibleField(() => String, { nullable: true })
  startCursor!: string | null;
}

export interface Page<T> {
  readonly nodes: T[];
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

/** A cursor-paginated list of `itemClass` with the total number of matches. */
export function Connection<T extends object>(itemClass: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionClass implements Page<T> {
    @VisibleField(() => [itemClass], { description: 'The items of this page.' })
    nodes!: T[];

    @VisibleField(() => PageInfo)
    pageInfo!: PageInfo;

    @VisibleField(() => Int, { description: 'How many items match the filter, on all pages together.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string;
}

/**
 * A nested list's `first` argument, checked as `PageArgs.first` is for the root lists: out of
 * range is BAD_USER_INPUT naming `first` (the error's path names the field), never clamped.
 */
export function checkedFirst(first: number, max = 100): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw ValidationError.field('first', `must be between 1 and ${max}`);
  return first;
}
