import { Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';

@InputType('NearInput', { description: 'A point and a radius. Only places you may see count; confidential places (shelters) never do.' })
export class NearInput {
  @Field(() => Float)
  @Min(-90)
  @Max(90)
  latitude!: number;

  @Field(() => Float)
  @Min(-180)
  @Max(180)
  longitude!: number;

  @Field(() => Int, { defaultValue: 3000, description: 'Metres, 100 to 50 000.' })
  @Min(100)
  @Max(50_000)
  radiusMeters: number = 3000;
}
